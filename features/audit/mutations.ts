// The one audit path: every mutation calls recordAudit inside its own transaction, so the
// event exists exactly when the change does.
import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction } from "./actions";
import { eventHash, GENESIS_HASH, redact, type ChainedFields } from "./chain";
import { normaliseAddress } from "@/lib/client-address";

export type AuditInput = {
  actor: { id: string | null; email: string | null } | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
};

// Any constant works; it only has to be the same for every writer of the chain.
const CHAIN_LOCK = 7_310_042;

export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput) {
  // Serialise writers so two transactions never chain onto the same previous event.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainedFields = {
    at: new Date(),
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId == null ? null : String(input.entityId),
    before: input.before === undefined ? null : redact(input.before),
    after: input.after === undefined ? null : redact(input.after),
    // Both reach here from request headers: only a plain id and a valid IP address are kept.
    requestId: input.requestId && /^[A-Za-z0-9._-]{1,64}$/.test(input.requestId) ? input.requestId : null,
    ip: normaliseAddress(input.ip),
  };
  return tx.auditEvent.create({
    data: {
      ...fields,
      before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash: eventHash(prevHash, fields),
    },
  });
}
