// Database rows → the JSON shapes of the API and the UI.
import { reasonsForChange } from "@/features/limit-changes/reasons";
import { readReasons } from "@/features/scoring/reason-store";
import type { Adjustment, AdjustmentDecision, LimitChange } from "@/generated/prisma/client";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * `currentLimit`, when known, marks a PENDING adjustment proposed against another limit as
 * `stale`; so does `staleReason` (a replacement revision re-scored its month): approving it is a
 * 409, it has to be re-proposed.
 */
export function adjustmentView(a: Adjustment & { decisions?: AdjustmentDecision[] }, currentLimit?: number | null) {
  return {
    id: a.id, borrowerId: a.borrowerId, source: a.source, policyRunId: a.policyRunId, policyVersion: a.policyVersion,
    oldLimit: a.oldLimit, newLimit: a.newLimit, delta: a.delta, tierBefore: a.tierBefore, tierAfter: a.tierAfter, score: a.score,
    // An increase never shows adverse reasons (issue 11 §3): its positive reasons instead.
    reasonCodes: reasonsForChange(a.delta, readReasons(a.reasonCodes)),
    reason: a.reason, status: a.status, currentLimit: currentLimit ?? null,
    stale: a.status === "PENDING" && ((currentLimit != null && currentLimit !== a.oldLimit) || a.staleReason != null),
    staleReason: a.status === "PENDING" ? a.staleReason : null, requiredApprovals: a.requiredApprovals, approvals: a.approvalCount,
    override: a.overrideRules
      ? { rules: a.overrideRules as Array<{ code: string; message: string }>, reason: a.overrideReason, text: a.overrideText, needsAdmin: a.needsAdmin }
      : null,
    proposedByEmail: a.proposedByEmail, createdAt: a.createdAt.toISOString(), decidedAt: iso(a.decidedAt),
    decisions: (a.decisions ?? [])
      .slice()
      .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
      .map((d) => ({ deciderEmail: d.deciderEmail, deciderRole: d.deciderRole, decision: d.decision, comment: d.comment, createdAt: d.createdAt.toISOString() })),
  };
}
export type AdjustmentView = ReturnType<typeof adjustmentView>;

export function limitChangeView(c: LimitChange) {
  return {
    id: c.id, seq: c.seq, borrowerId: c.borrowerId, adjustmentId: c.adjustmentId, appealId: c.appealId,
    oldLimit: c.oldLimit, newLimit: c.newLimit, approvers: (c.approvers as string[]) ?? [],
    effectiveDate: c.effectiveDate.toISOString(), status: c.status, appliedAt: iso(c.appliedAt), createdAt: c.createdAt.toISOString(),
  };
}
export type LimitChangeView = ReturnType<typeof limitChangeView>;
