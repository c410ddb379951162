import "server-only";
import { getPrisma } from "@/lib/db/client";
import { hashToken } from "./token";

export async function listTokens() {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({ orderBy: { createdAt: "desc" }, omit: { tokenHash: true } });
  return rows;
}

/** The live token for a bearer string, with last-used time refreshed; null when unknown or revoked. */
export async function authenticateToken(bearer: string) {
  const prisma = await getPrisma();
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(bearer) } });
  if (!token || token.revokedAt) return null;
  // Bookkeeping, not a business change: not audited (it would flood the trail on every feed poll).
  await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return token;
}
