// The policy document: score cut-offs that define the risk tiers and the limit action per tier.
// Same schema for the seed, the API, the UI and (later) the impact preview.
import { z } from "zod";
import { entityId, int32, safeText } from "@/lib/api/input";

export const TIERS = ["LOW", "MEDIUM", "HIGH"] as const;
export type Tier = (typeof TIERS)[number];

const score = int32().min(350).max(950);
// Whole hundredths only, so proposed limits are computed in exact integer arithmetic.
const action = z.strictObject({ changePct: z.number().min(-100).max(200).multipleOf(0.01) });

export const policyConfigSchema = z
  .strictObject({
    cutoffs: z.strictObject({ low: score, medium: score }),
    actions: z.strictObject({ LOW: action, MEDIUM: action, HIGH: action }),
    maxLimit: int32().positive(),
    minLimit: int32().positive(),
    noIncreaseIfDelayedWithinMonths: int32().min(0).max(6),
    lgd: z.number().min(0).max(1),
    ccf: z.number().min(0).max(1),
    noticeDays: int32().min(0).max(365),
  })
  // Cross-field rules run even when other fields are invalid (`when`), so one answer lists
  // every offending field, as the UI shows them all beside their inputs at once.
  .refine((p) => !bothNumbers(p?.cutoffs?.low, p?.cutoffs?.medium) || p.cutoffs.low > p.cutoffs.medium, {
    path: ["cutoffs", "low"],
    message: "must be greater than cutoffs.medium",
    when: () => true,
  })
  .refine((p) => !bothNumbers(p?.minLimit, p?.maxLimit) || p.minLimit <= p.maxLimit, {
    path: ["minLimit"],
    message: "must not exceed maxLimit",
    when: () => true,
  });

function bothNumbers(a: unknown, b: unknown) {
  return typeof a === "number" && typeof b === "number";
}

export type PolicyConfig = z.infer<typeof policyConfigSchema>;

export const POLICY_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "ACTIVE", "REJECTED", "RETIRED"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

const name = safeText().trim().min(3, "must be at least 3 characters").max(80);

/** POST /api/v1/policies: a new draft from a config, or a copy of an older version (rollback). */
export const createPolicySchema = z.union([
  z.strictObject({ name: name.optional(), config: policyConfigSchema }),
  z.strictObject({ name: name.optional(), basedOnId: entityId() }),
]);
export const updatePolicySchema = z.strictObject({ name: name.optional(), config: policyConfigSchema });
export const previewBodySchema = z.strictObject({ policy: policyConfigSchema });
export const approveBodySchema = z.strictObject({ comment: safeText().trim().max(1000).optional() });
export const rejectBodySchema = z.strictObject({
  comment: safeText().trim().min(3, "a rejection needs a comment (at least 3 characters)").max(1000),
});
export const policyIdParamsSchema = z.strictObject({ id: entityId() });
export const diffQuerySchema = z.strictObject({ from: entityId(), to: entityId() });

export type PolicyView = {
  id: string;
  version: number;
  status: PolicyStatus;
  name: string;
  config: PolicyConfig;
  basedOnId: string | null;
  authorEmail: string | null;
  createdAt: string;
  submittedAt: string | null;
  decidedByEmail: string | null;
  decidedAt: string | null;
  comment: string | null;
  activatedAt: string | null;
  retiredAt: string | null;
};
