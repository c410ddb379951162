import "server-only";
import { getPrisma } from "@/lib/db/client";

export async function findUserByEmail(email: string) {
  const prisma = await getPrisma();
  return prisma.user.findUnique({ where: { email: email.toLowerCase() } });
}

export async function findActiveUser(id: string) {
  const prisma = await getPrisma();
  return prisma.user.findFirst({ where: { id, active: true }, select: { id: true, email: true, name: true, role: true } });
}

/** Failed log-ins for this account and from this address since `since` (from the audit trail). */
export async function recentFailures(email: string, ip: string | null, since: Date) {
  const prisma = await getPrisma();
  const where = { action: "auth.login_failed", at: { gte: since } } as const;
  const [account, address] = await Promise.all([
    prisma.auditEvent.count({ where: { ...where, entityId: email.toLowerCase() } }),
    ip ? prisma.auditEvent.count({ where: { ...where, ip } }) : Promise.resolve(0),
  ]);
  return { account, address };
}
