import { z } from "zod";
import { loadModel } from "@/features/scoring/model-types";

/** The closed list of reason codes an analyst may cite: the scorecard's characteristics. */
export const REASON_CODES = Object.fromEntries(loadModel().characteristics.map((c) => [c.code, c.reasonText])) as Record<string, string>;
const reasonCode = z.string().refine((c) => c in REASON_CODES, { message: `must be one of ${Object.keys(REASON_CODES).join(", ")}` });

export const manualProposalSchema = z.strictObject({
  borrowerId: z.number().int().positive(),
  newLimit: z.number().int().min(1000).max(100_000_000).multipleOf(1000, "must be a whole number of thousands"),
  reason: z.string().trim().min(10, "must be at least 10 characters").max(500, "must be at most 500 characters"),
  reasonCodes: z.array(reasonCode).max(4).optional(),
});

export const approveAdjustmentSchema = z.strictObject({ comment: z.string().trim().max(1000).optional() });
export const rejectAdjustmentSchema = z.strictObject({
  comment: z.string().trim().min(3, "a rejection needs a comment (at least 3 characters)").max(1000),
});
export const bulkDecisionSchema = z
  .strictObject({
    ids: z.array(z.string().min(1).max(40)).min(1).max(1000),
    decision: z.enum(["approve", "reject"]),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((b) => b.decision !== "reject" || (b.comment?.length ?? 0) >= 3, {
    path: ["comment"],
    message: "a rejection needs a comment (at least 3 characters)",
    when: () => true,
  });

export const adjustmentListQuerySchema = z.strictObject({
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]).optional(),
  direction: z.enum(["increase", "decrease"]).optional(),
  tierChange: z.enum(["up", "down", "same"]).optional(),
  minAmount: z.coerce.number().int().min(0).optional(),
  maxAmount: z.coerce.number().int().min(0).optional(),
  policyRunId: z.string().max(40).optional(),
  proposer: z.string().trim().max(254).optional(),
  borrowerId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AdjustmentListQuery = z.output<typeof adjustmentListQuerySchema>;

export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(40) });
