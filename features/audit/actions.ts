// The closed list of audit actions. A mutation that needs a new action adds it here first.
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.login_throttled", // no longer written: failures live in LoginFailure (kept for old rows)
  "auth.login_failures", // a rate-limited summary of LoginFailure rows
  "auth.logout",
  "seed.imported",
  "model.installed",
  "policy.created",
  "policy.updated",
  "policy.submitted",
  "policy.approved",
  "policy.rejected",
  "policy.activated",
  "policy.retired",
  "user.created",
  "user.role_changed",
  "user.deactivated",
  "user.activated",
  "policy.run",
  "adjustment.proposed",
  "adjustment.approval_recorded",
  "adjustment.approved",
  "adjustment.rejected",
  "limit_change.applied",
  "appeal.recorded",
  "appeal.upheld",
  "appeal.reversed",
  "settings.updated",
  "token.created",
  "token.revoked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
