// Who may appeal what, and who may decide it (issue 9 §8). Pure: mutations and tests share it.
export type AppealProblem = { status: 400 | 403 | 409; message: string; field?: string };

export type AppealedChange = {
  oldLimit: number;
  newLimit: number;
  status: "SCHEDULED" | "APPLIED" | "CANCELLED" | "SUPERSEDED";
  /** When the cut was decided (the adjustment's decision time; the change's creation otherwise). */
  decidedAt: Date;
  /** Statuses of the appeals already recorded against this change. */
  appealStatuses: ReadonlyArray<"OPEN" | "UPHELD" | "REVERSED">;
};

/** Why an appeal against `change`, received at `receivedAt`, cannot be recorded at `now` (null: it can). */
export function appealRecordingProblem(change: AppealedChange, receivedAt: Date, now: Date): AppealProblem | null {
  if (change.newLimit >= change.oldLimit) return { status: 409, message: "Only a decrease can be appealed." };
  if (change.status === "CANCELLED") return { status: 409, message: "This decrease was cancelled: there is nothing to appeal." };
  if (change.status === "SUPERSEDED") return { status: 409, message: "This decrease was superseded by a later decision: there is nothing to appeal." };
  if (change.appealStatuses.includes("REVERSED")) return { status: 409, message: "This decrease was already reversed on appeal." };
  if (change.appealStatuses.includes("OPEN")) return { status: 409, message: "An appeal against this change is already open." };
  if (receivedAt.getTime() > now.getTime()) {
    return { status: 400, field: "body.receivedAt", message: "must not be in the future" };
  }
  if (receivedAt.getTime() < change.decidedAt.getTime()) {
    return { status: 400, field: "body.receivedAt", message: `must not be before the decrease was decided (${change.decidedAt.toISOString()})` };
  }
  return null;
}

/**
 * Four eyes on appeals: whoever proposed the cut or approved it never decides its appeal.
 * (Recording an appeal is data entry — writing down what the borrower said — so the proposer
 * may record it; the decision is what needs a person who had no part in the cut.)
 */
export function appealDeciderProblem(cut: { proposedById: string | null; approverIds: readonly string[] }, actorId: string): AppealProblem | null {
  if (cut.proposedById === actorId) {
    return { status: 403, message: "You proposed the cut under appeal: a different manager must decide the appeal." };
  }
  if (cut.approverIds.includes(actorId)) {
    return { status: 403, message: "You approved the cut under appeal: a different manager must decide the appeal." };
  }
  return null;
}

const DAY = 86_400_000;

/** When an appeal received at `receivedAt` must be decided by (the settings' appeal SLA). */
export function appealDueDate(receivedAt: Date, slaDays: number): Date {
  return new Date(receivedAt.getTime() + slaDays * DAY);
}
