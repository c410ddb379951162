import { z } from "zod";
import { loadModel } from "@/features/scoring/model-types";
import { entityId, int32, queryInt32, safeText } from "@/lib/api/input";
import { OVERRIDE_REASONS } from "@/features/overrides/rules";
import { decodeCursor, INBOX_SORTS } from "./inbox-cursor";

/** The closed list of reason codes an analyst may cite: the scorecard's characteristics.
 * A Map, so `__proto__`, `toString` … are not members (issue 9 §6). */
export const REASON_CODES: ReadonlyMap<string, string> = new Map(loadModel().characteristics.map((c) => [c.code, c.reasonText]));
const reasonCode = z.string().refine((c) => REASON_CODES.has(c), { message: `must be one of ${[...REASON_CODES.keys()].join(", ")}` });

export const manualProposalSchema = z.strictObject({
  borrowerId: int32().positive(),
  newLimit: int32().min(1000).max(100_000_000).multipleOf(1000, "must be a whole number of thousands"),
  reason: safeText().trim().min(10, "must be at least 10 characters").max(500, "must be at most 500 characters"),
  reasonCodes: z.array(reasonCode).max(4).optional(),
  /** Required when the proposal breaks a rule of the active policy (issue 11 §1), refused otherwise. */
  override: z
    .strictObject({
      reason: z.string().refine((r) => OVERRIDE_REASONS.has(r), { message: `must be one of ${[...OVERRIDE_REASONS.keys()].join(", ")}` }),
      text: safeText().trim().min(10, "must be at least 10 characters").max(500, "must be at most 500 characters"),
    })
    .optional(),
});

export const approveAdjustmentSchema = z.strictObject({ comment: safeText().trim().max(1000).optional() });
export const rejectAdjustmentSchema = z.strictObject({
  comment: safeText().trim().min(3, "a rejection needs a comment (at least 3 characters)").max(1000),
});

/** A bulk decision on `target` (ids or a filter): approve or reject, and a rejection needs a comment. */
const bulkDecision = <T extends z.ZodRawShape>(target: T) =>
  z
    .strictObject({ ...target, decision: z.enum(["approve", "reject"]), comment: safeText().trim().max(1000).optional() })
    // `when` runs this even on a body that failed the shape checks (even `null`): guard every access.
    .refine((body: unknown) => {
      const b = body as { decision?: string; comment?: string } | null | undefined;
      return b?.decision !== "reject" || (b?.comment?.length ?? 0) >= 3;
    }, {
      path: ["comment"],
      message: "a rejection needs a comment (at least 3 characters)",
      when: () => true,
    });

export const bulkDecisionSchema = bulkDecision({ ids: z.array(entityId()).min(1).max(1000) });

/**
 * The inbox's filter fields, declared once for the list (query string: `int` = queryInt32) and for a
 * bulk decision by filter (JSON body: `int` = int32).
 */
const inboxFilterFields = (int: typeof int32 | typeof queryInt32) => ({
  direction: z.enum(["increase", "decrease"]).optional(),
  tierChange: z.enum(["up", "down", "same"]).optional(),
  minAmount: int().min(0).optional(),
  maxAmount: int().min(0).optional(),
  policyRunId: safeText().max(40).optional(),
  proposer: safeText().trim().max(254).optional(),
  borrowerId: int().positive().optional(),
});

export const adjustmentListQuerySchema = z.strictObject({
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]).optional(),
  ...inboxFilterFields(queryInt32),
  /** Sort (default createdAt, newest first); every sort is keyset-paginated with `cursor` → `nextCursor`. */
  sort: z.enum(INBOX_SORTS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  cursor: safeText().max(200).refine((c) => decodeCursor(c) != null, { message: "not a cursor returned by this API" }).optional(),
  /** Offset paging stays for shallow pages; ignored when `cursor` is given. */
  page: queryInt32().min(1).max(10_000).default(1),
  pageSize: queryInt32().min(1).max(500).default(50),
});
export type AdjustmentListQuery = z.output<typeof adjustmentListQuerySchema>;

export const idParamsSchema = z.strictObject({ id: entityId() });

export const overrideCheckQuerySchema = z.strictObject({
  borrowerId: queryInt32().positive(),
  newLimit: queryInt32().min(1000).max(100_000_000),
});

/** The filter fields of the inbox, for a bulk decision on every PENDING item matching them. */
export type AdjustmentFilter = Pick<AdjustmentListQuery, "status" | "direction" | "tierChange" | "minAmount" | "maxAmount" | "policyRunId" | "proposer" | "borrowerId">;
export const bulkByFilterSchema = bulkDecision({ filter: z.strictObject(inboxFilterFields(int32)) });
