import type { PolicyConfig } from "./schema";

// The seeded default policy (version 1, ACTIVE). Cut-offs are chosen on the real portfolio's
// September 2005 scores; see README "Tiers" for the tier mix and observed default rates.
export const DEFAULT_POLICY: PolicyConfig = {
  cutoffs: { low: 700, medium: 600 },
  actions: { LOW: { changePct: 20 }, MEDIUM: { changePct: 0 }, HIGH: { changePct: -30 } },
  maxLimit: 1_000_000,
  minLimit: 10_000,
  noIncreaseIfDelayedWithinMonths: 3,
  lgd: 0.45,
  ccf: 0.75,
  noticeDays: 45,
};
