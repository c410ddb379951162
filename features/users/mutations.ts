import "server-only";
import bcrypt from "bcryptjs";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";
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
