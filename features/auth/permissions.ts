// The one table of roles → permissions. Every page and API handler names the permission it
// needs and asks `can`; a role missing from this table (or no role) is denied everything.
export const ROLES = ["ANALYST", "MANAGER", "ADMIN", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "portfolio:read", // overview, borrowers, borrower pages and their API
  "portfolio:export", // CSV exports of borrower data (never the protected attributes)
  // One borrower's SEX, AGE, MARRIAGE and EDUCATION (issue 9 §13). These exist for fairness
  // monitoring only: ADMIN (runs the fairness review) and AUDITOR (compliance checks) see them
  // per borrower; everyone else sees the aggregates of the impact preview's fairness panel.
  "borrower-protected:read",
  "model:read",
  "policy:read",
  "policy:draft", // create and edit policy drafts, submit them
  "policy:approve", // approve, reject and activate policy versions (never one's own)
  "adjustment:propose", // policy runs and manual proposals
  "adjustment:decide", // approve/reject adjustments, decide appeals (never one's own)
  "appeal:record",
  "limitchanges:read", // the export feed of applied and scheduled limit changes
  "audit:read",
  "users:manage", // users, settings and service-account API tokens
  "model:approve", // approve/reject a candidate model version, which activates it (never one's own fit)
  "model:fit", // fit a candidate model version from the portfolio's data (a job); it is active only once someone else approves it
  "data:import", // upload monthly statements, new borrowers and outcomes; read the imports
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["portfolio:read", "portfolio:export", "model:read", "policy:read", "limitchanges:read"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ANALYST: [...READ, "policy:draft", "adjustment:propose", "appeal:record", "model:fit"],
  MANAGER: [...READ, "policy:approve", "adjustment:decide", "model:approve"],
  ADMIN: [...READ, "borrower-protected:read", "policy:draft", "policy:approve", "adjustment:propose", "adjustment:decide", "appeal:record", "audit:read", "users:manage", "data:import", "model:approve", "model:fit"],
  // Read-only by design: sees everything, changes nothing.
  AUDITOR: [...READ, "borrower-protected:read", "audit:read"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

// Own-property lookups only (issue 9 §6): a scope or role named `__proto__` or `toString`
// must find nothing, not Object.prototype's members.
export function can(role: unknown, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: unknown): readonly Permission[] {
  return isRole(role) ? ROLE_PERMISSIONS[role] : [];
}

/** API-token scopes → permissions. A token can do nothing outside its scope. */
export const SCOPE_PERMISSIONS: Record<string, readonly Permission[]> = {
  "limit-changes:read": ["limitchanges:read"],
};

/** The permission check for any caller: a user's role, or a service token's scope. */
export function actorCan(actor: { role: string; scope?: string | null }, permission: Permission): boolean {
  if (actor.scope != null) return (Object.hasOwn(SCOPE_PERMISSIONS, actor.scope) ? SCOPE_PERMISSIONS[actor.scope] : []).includes(permission);
  return can(actor.role, permission);
}
