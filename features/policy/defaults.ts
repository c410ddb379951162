import type { PolicyConfig } from "./schema";

// The seeded default policy (version 1, ACTIVE). Cut-offs are chosen on the training sample's
// (IDs 1-24,000) September 2005 scores only, never the holdout; see README "Tiers" for the tier mix
// and observed default rates (LOW 45.9 % at 9.6 %, MEDIUM 31.7 % at 18.8 %, HIGH 22.4 % at 53.7 %).
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
