import "server-only";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { generateToken } from "./token";

type Ctx = { actor: { id: string; email: string }; requestId?: string; ip?: string | null };

export async function createToken(name: string, scope: string, ctx: Ctx) {
  const prisma = await getPrisma();
  const { token, prefix, hash } = generateToken();
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { name, scope, prefix, tokenHash: hash, createdById: ctx.actor.id, createdByEmail: ctx.actor.email } });
    await recordAudit(tx, { actor: ctx.actor, action: "token.created", entityType: "ApiToken", entityId: row.id, after: { name, scope, prefix }, requestId: ctx.requestId, ip: ctx.ip });
    return row;
  });
  return { token, id: created.id, name, scope, prefix };
}

export async function revokeToken(id: string, ctx: Ctx) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) {
      const exists = await tx.apiToken.findUnique({ where: { id }, select: { id: true } });
      throw exists ? new ApiError(409, "The token is already revoked.") : new ApiError(404, `Token ${id} not found`);
    }
    await recordAudit(tx, { actor: ctx.actor, action: "token.revoked", entityType: "ApiToken", entityId: id, after: { revoked: true }, requestId: ctx.requestId, ip: ctx.ip });
    return { id, revoked: true };
  });
}
