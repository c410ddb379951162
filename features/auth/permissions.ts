// The one table of roles → permissions. Every page and API handler names the permission it
// needs and asks `can`; a role missing from this table (or no role) is denied everything.
export const ROLES = ["ANALYST", "MANAGER", "ADMIN", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "portfolio:read", // overview, borrowers, borrower pages and their API
  "portfolio:export", // CSV exports of borrower data
  "model:read",
  "policy:read",
  "policy:draft", // create and edit policy drafts, submit them
  "policy:approve", // approve, reject and activate policy versions (never one's own)
  "adjustment:propose",
  "adjustment:decide",
  "audit:read",
  "users:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["portfolio:read", "portfolio:export", "model:read", "policy:read"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ANALYST: [...READ, "policy:draft", "adjustment:propose"],
  MANAGER: [...READ, "policy:approve", "adjustment:decide"],
  ADMIN: [...READ, "policy:draft", "policy:approve", "adjustment:propose", "adjustment:decide", "audit:read", "users:manage"],
  // Read-only by design: sees everything, changes nothing.
  AUDITOR: [...READ, "audit:read"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: unknown, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: unknown): readonly Permission[] {
  return isRole(role) ? ROLE_PERMISSIONS[role] : [];
}
