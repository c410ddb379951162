// Run-level maker-checker rules. Pure: the API, the summary page and the tests share them.
export type RunStatus = "COMPUTING" | "PENDING_APPROVAL" | "APPROVING" | "APPLIED" | "REJECTING" | "REJECTED" | "LEGACY";
export type RunDecisionState = { status: string; createdById: string; requiredApprovals: number; approverIds: string[] };

export type RunDecisionOutcome =
  | { ok: true; next: "PENDING_APPROVAL" | "APPROVING" | "REJECTING" }
  | { ok: false; status: 403 | 409; message: string; resume?: boolean };

/** What one more decision does to a run: the starter never decides; a rejection ends it; approvals count until enough. */
export function decideRunRule(run: RunDecisionState, actorId: string, decision: "APPROVE" | "REJECT"): RunDecisionOutcome {
  if (run.createdById === actorId) return { ok: false, status: 403, message: "You started this run: a different person must decide it." };
  if (run.status !== "PENDING_APPROVAL") {
    const resume = (run.status === "APPROVING" && decision === "APPROVE") || (run.status === "REJECTING" && decision === "REJECT");
    return { ok: false, status: 409, message: `The run is ${run.status}, not waiting for a decision.`, resume };
  }
  if (run.approverIds.includes(actorId)) {
    return { ok: false, status: 409, message: "You already approved this run; a second, different approver is needed." };
  }
  if (decision === "REJECT") return { ok: true, next: "REJECTING" };
  return run.approverIds.length + 1 >= run.requiredApprovals ? { ok: true, next: "APPROVING" } : { ok: true, next: "PENDING_APPROVAL" };
}
