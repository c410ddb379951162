import "server-only";
import { getPrisma } from "@/lib/db/client";

export async function findUserByEmail(email: string) {
  const prisma = await getPrisma();
  return prisma.user.findUnique({ where: { email: email.toLowerCase() } });
}

export async function findActiveUser(id: string) {
  const prisma = await getPrisma();
  return prisma.user.findFirst({ where: { id, active: true }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
}
