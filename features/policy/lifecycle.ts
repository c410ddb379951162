// Who may move a policy version from which state to which. Pure, so the API, the UI (which
// buttons to show) and the tests share one rule set; the server enforces it on every request.
import type { PolicyStatus } from "./schema";

export type PolicyAction = "edit" | "submit" | "approve" | "reject" | "activate";

export const TRANSITIONS: Record<PolicyAction, { from: PolicyStatus; to: PolicyStatus }> = {
  edit: { from: "DRAFT", to: "DRAFT" },
  submit: { from: "DRAFT", to: "SUBMITTED" },
  approve: { from: "SUBMITTED", to: "APPROVED" },
  reject: { from: "SUBMITTED", to: "REJECTED" },
  activate: { from: "APPROVED", to: "ACTIVE" },
};

export type TransitionCheck = { ok: true } | { ok: false; status: 403 | 409; message: string };

/**
 * Maker-checker: the author edits and submits; someone else approves, rejects and activates.
 * The role's permission is checked before this (403 from the route).
 */
export function checkTransition(policy: { status: PolicyStatus; authorId: string | null }, action: PolicyAction, actorId: string): TransitionCheck {
  const own = policy.authorId === actorId;
  if ((action === "edit" || action === "submit") && !own) {
    return { ok: false, status: 403, message: "Only the author can edit or submit a draft." };
  }
  if ((action === "approve" || action === "reject" || action === "activate") && own) {
    return { ok: false, status: 403, message: `You cannot ${action} a policy you wrote: a second person must decide.` };
  }
  const { from } = TRANSITIONS[action];
  if (policy.status !== from) {
    return { ok: false, status: 409, message: `Cannot ${action} a ${policy.status} policy (it must be ${from}).` };
  }
  return { ok: true };
}

export function allowedActions(policy: { status: PolicyStatus; authorId: string | null }, actorId: string, can: (a: PolicyAction) => boolean) {
  return (Object.keys(TRANSITIONS) as PolicyAction[]).filter((a) => can(a) && checkTransition(policy, a, actorId).ok);
}
