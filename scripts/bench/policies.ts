/** The policies the benchmark previews against the active (default) one: fixed, varied on purpose. */
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import type { PolicyConfig } from "@/features/policy/schema";

export const BENCH_POLICIES: Array<{ name: string; policy: PolicyConfig }> = [
  { name: "default", policy: DEFAULT_POLICY },
  {
    name: "tighter",
    policy: { ...DEFAULT_POLICY, cutoffs: { low: 720, medium: 640 }, actions: { LOW: { changePct: 10 }, MEDIUM: { changePct: -10 }, HIGH: { changePct: -50 } }, minLimit: 20_000, lgd: 0.5 },
  },
  {
    name: "growth",
    policy: { ...DEFAULT_POLICY, cutoffs: { low: 650, medium: 560 }, actions: { LOW: { changePct: 35.55 }, MEDIUM: { changePct: 12.5 }, HIGH: { changePct: 0 } }, maxLimit: 800_000, noIncreaseIfDelayedWithinMonths: 6, ccf: 0.9 },
  },
  {
    name: "freeze-high",
    policy: { ...DEFAULT_POLICY, actions: { LOW: { changePct: 200 }, MEDIUM: { changePct: 5.25 }, HIGH: { changePct: -100 } }, maxLimit: 500_000, minLimit: 50_000, noIncreaseIfDelayedWithinMonths: 0, lgd: 0.6, ccf: 0.5 },
  },
];
