// Maker-checker rules for limit adjustments. Pure: the API, the inbox and the tests share them.
export type Decision = "APPROVE" | "REJECT";
export type AdjustmentState = {
  status: "PENDING" | "APPROVED" | "REJECTED";
  proposedById: string;
  requiredApprovals: number;
  approverIds: string[];
  /** An override whose approvers must include an ADMIN (issue 11 §1). */
  needsAdmin?: boolean;
  /** Whether an ADMIN has already approved it. */
  adminApproved?: boolean;
};

export function requiredApprovals(oldLimit: number, newLimit: number, threshold: number): 1 | 2 {
  return Math.abs(newLimit - oldLimit) > threshold ? 2 : 1;
}

export type DecisionOutcome =
  | { ok: true; status: "PENDING" | "APPROVED" | "REJECTED"; final: boolean }
  | { ok: false; status: 403 | 409; message: string };

/** What one more decision does. A rejection by anyone ends it; approvals count until enough. */
export function decide(state: AdjustmentState, actorId: string, decision: Decision, actorRole?: string): DecisionOutcome {
  if (state.proposedById === actorId) {
    return { ok: false, status: 403, message: "You proposed this adjustment: a different person must decide it." };
  }
  if (state.status !== "PENDING") {
    return { ok: false, status: 409, message: `The adjustment is already ${state.status}.` };
  }
  if (state.approverIds.includes(actorId)) {
    return { ok: false, status: 409, message: "You already approved this adjustment; a second, different approver is needed." };
  }
  if (decision === "REJECT") return { ok: true, status: "REJECTED", final: true };
  const approvals = state.approverIds.length + 1;
  // The last free approval of an override that still lacks an ADMIN is reserved for an ADMIN.
  if (state.needsAdmin && !state.adminApproved && actorRole !== "ADMIN" && approvals >= state.requiredApprovals) {
    return { ok: false, status: 403, message: "This override needs an ADMIN among its approvers: the remaining approval must come from an ADMIN." };
  }
  return approvals >= state.requiredApprovals ? { ok: true, status: "APPROVED", final: true } : { ok: true, status: "PENDING", final: false };
}

const DAY = 86_400_000;

/** Increases apply at once; decreases after the policy's notice period. */
export function effectiveDate(oldLimit: number, newLimit: number, noticeDays: number, now: Date): Date {
  return newLimit < oldLimit ? new Date(now.getTime() + noticeDays * DAY) : now;
}
