// Session revocation: sign-out, a role change and a deactivation bump the user's session version
// (which the jwt callback compares on every request), each audited in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signOutEverywhere } from "@/features/auth/mutations";
import { findActiveUser } from "@/features/auth/data";
import { changeUserRole, ensureUsers, setUserActive } from "@/features/users/mutations";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

describe(`session versions on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
    await ensureUsers([{ email: "sv@example.com", name: "SV", role: "ANALYST" }], "a-password-of-length");
  });
  afterAll(async () => closeAppDb(db));

  it("bumps the version on sign-out, role change and deactivation", async () => {
    const prisma = await getPrisma();
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: "sv@example.com" } });
    const admin = { id: "admin-id", email: "admin@example.com" };
    const version = async () => (await prisma.user.findUniqueOrThrow({ where: { id } })).sessionVersion;
    expect(await version()).toBe(0);
    await signOutEverywhere(id);
    expect(await version()).toBe(1);
    await changeUserRole(id, "MANAGER", { actor: admin });
    expect(await version()).toBe(2);
    await setUserActive(id, false, { actor: admin });
    expect(await version()).toBe(3);
    expect(await findActiveUser(id)).toBeNull();
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.created", "auth.logout", "user.role_changed", "user.deactivated"]);
  });
});
