import { describe, expect, it } from "vitest";
import { actorCan, can, permissionsOf, ROLE_PERMISSIONS, ROLES, PERMISSIONS } from "./permissions";

describe("permission table", () => {
  it("denies unknown, missing and differently-cased roles everything", () => {
    for (const role of ["GUEST", "", undefined, null, "admin", 42]) {
      for (const p of PERMISSIONS) expect(can(role, p)).toBe(false);
      expect(permissionsOf(role)).toEqual([]);
    }
  });

  it("keeps the auditor read-only", () => {
    const writes = PERMISSIONS.filter((p) => !p.endsWith(":read") && p !== "portfolio:export");
    for (const p of writes) expect(can("AUDITOR", p)).toBe(false);
    expect(can("AUDITOR", "audit:read")).toBe(true);
  });

  it("separates proposing from deciding between analyst and manager", () => {
    expect(can("ANALYST", "adjustment:propose")).toBe(true);
    expect(can("ANALYST", "adjustment:decide")).toBe(false);
    expect(can("MANAGER", "adjustment:decide")).toBe(true);
    expect(can("MANAGER", "adjustment:propose")).toBe(false);
  });

  it("gives every role read access to the portfolio and lists only known permissions", () => {
    for (const role of ROLES) {
      expect(can(role, "portfolio:read")).toBe(true);
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });
});

describe("protected attributes (issue 9 §13)", () => {
  it("are shown per borrower to ADMIN and AUDITOR only, never to a token", () => {
    expect(ROLES.filter((r) => can(r, "borrower-protected:read"))).toEqual(["ADMIN", "AUDITOR"]);
    expect(actorCan({ role: "ADMIN", scope: "limit-changes:read" }, "borrower-protected:read")).toBe(false);
  });
});

describe("service tokens", () => {
  it("can only do what their scope names, whatever role field they carry", () => {
    const token = { role: "ADMIN", scope: "limit-changes:read" };
    expect(actorCan(token, "limitchanges:read")).toBe(true);
    for (const p of PERMISSIONS.filter((p) => p !== "limitchanges:read")) expect(actorCan(token, p)).toBe(false);
    expect(actorCan({ role: "SERVICE", scope: "unknown:scope" }, "limitchanges:read")).toBe(false);
    expect(actorCan({ role: "MANAGER" }, "adjustment:decide")).toBe(true);
  });
});
