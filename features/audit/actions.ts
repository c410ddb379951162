// The closed list of audit actions. A mutation that needs a new action adds it here first.
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.login_throttled",
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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
