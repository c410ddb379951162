import bcrypt from "bcryptjs";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";
import { bumpSessionVersion } from "@/features/auth/mutations";
import type { Role } from "@/features/auth/permissions";

export const BCRYPT_COST = 10;

/** Creates the users that do not exist yet; existing users (and their passwords) are left alone. */
export async function ensureUsers(users: Array<{ email: string; name: string; role: Role }>, password: string) {
  const prisma = await getPrisma();
  const existing = new Set((await prisma.user.findMany({ select: { email: true } })).map((u) => u.email));
  const missing = users.filter((u) => !existing.has(u.email));
  for (const u of missing) {
    const passwordHash = await bcrypt.hash(password, BCRYPT_COST);
    await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...u, email: u.email.toLowerCase(), passwordHash } });
      await recordAudit(tx, {
        actor: null,
        action: "user.created",
        entityType: "User",
        entityId: created.id,
        after: { email: created.email, name: created.name, role: created.role },
      });
    });
  }
  return missing.map((u) => u.email);
}

type Ctx = { actor: { id: string; email: string } | null; requestId?: string; ip?: string | null };

/** A new role takes effect at once: the user's sessions are revoked and they sign in again. */
export async function changeUserRole(userId: string, role: Role, ctx: Ctx) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
    const after = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, email: true, role: true } });
    await bumpSessionVersion(tx, userId);
    await recordAudit(tx, { ...ctx, action: "user.role_changed", entityType: "User", entityId: userId, before, after: { role: after.role } });
    return after;
  });
}

/** Deactivating a user ends their sessions in the same transaction. */
export async function setUserActive(userId: string, active: boolean, ctx: Ctx) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { active: true } });
    const after = await tx.user.update({ where: { id: userId }, data: { active }, select: { id: true, email: true, active: true } });
    await bumpSessionVersion(tx, userId);
    await recordAudit(tx, { ...ctx, action: active ? "user.activated" : "user.deactivated", entityType: "User", entityId: userId, before, after: { active } });
    return after;
  });
}
