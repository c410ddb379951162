// The policy document: score cut-offs that define the risk tiers and the limit action per tier.
// Same schema for the seed, the API, the UI and (later) the impact preview.
import { z } from "zod";

export const TIERS = ["LOW", "MEDIUM", "HIGH"] as const;
export type Tier = (typeof TIERS)[number];

const score = z.number().int().min(350).max(950);
const action = z.strictObject({ changePct: z.number().min(-100).max(200) });

export const policyConfigSchema = z
  .strictObject({
    cutoffs: z.strictObject({ low: score, medium: score }),
    actions: z.strictObject({ LOW: action, MEDIUM: action, HIGH: action }),
    maxLimit: z.number().int().positive(),
    minLimit: z.number().int().positive(),
    noIncreaseIfDelayedWithinMonths: z.number().int().min(0).max(6),
    lgd: z.number().min(0).max(1),
    ccf: z.number().min(0).max(1),
    noticeDays: z.number().int().min(0).max(365),
  })
  .superRefine((p, ctx) => {
    if (p.cutoffs.low <= p.cutoffs.medium) {
      ctx.addIssue({ code: "custom", path: ["cutoffs", "low"], message: "must be greater than cutoffs.medium" });
    }
    if (p.minLimit > p.maxLimit) {
      ctx.addIssue({ code: "custom", path: ["minLimit"], message: "must not exceed maxLimit" });
    }
  });

export type PolicyConfig = z.infer<typeof policyConfigSchema>;
