// Idempotency-Key on every mutating endpoint (issue 9 §11), applied by the route layer:
// same key + same request → the first answer replayed; same key + another route or body → 422.
//
// The route layer RESERVES the key (status 0) before the handler runs and stores the answer
// after it. A decision goes further: `idempotent(tx, …)` stores its answer in the SAME
// transaction as the decision, so even a crash between commit and answer cannot lose it.
// Elsewhere such a crash leaves the key reserved: retries get 409 and must use a new key —
// never a second execution.
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";

export type IdempotencyScope = { actorId: string; key: string; route: string; bodyHash: string };
const RESERVED = 0;

const lock = (tx: Prisma.TransactionClient, s: { actorId: string; key: string }) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${s.actorId}:${s.key}`}))`;

const reused = () => new ApiError(422, "This Idempotency-Key was already used for a different request; send a new key.");

/** The request's fingerprint: its route and its JSON body, with object keys in a fixed order. */
export function requestHash(body: unknown): string {
  return createHash("sha256").update(stableJson(body)).digest("hex");
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** Reserve the key, or return the stored answer to replay. 422 when reused for another request, 409 while the first still runs. */
export async function reserveKey(scope: IdempotencyScope): Promise<{ status: number; body: unknown } | null> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    await lock(tx, scope);
    const stored = await tx.idempotentResponse.findUnique({ where: { actorId_key: { actorId: scope.actorId, key: scope.key } } });
    if (!stored) {
      await tx.idempotentResponse.create({ data: { actorId: scope.actorId, key: scope.key, route: scope.route, bodyHash: scope.bodyHash, status: RESERVED, body: {} } });
      return null;
    }
    if (stored.route !== scope.route || (stored.bodyHash != null && stored.bodyHash !== scope.bodyHash)) throw reused();
    if (stored.status === RESERVED) throw new ApiError(409, "A request with this Idempotency-Key is still being processed; retry shortly or send a new key.");
    return { status: stored.status, body: stored.body };
  });
}

/** Store the first answer (unless the handler already stored it in its own transaction). */
export async function storeAnswer(scope: IdempotencyScope, status: number, body: unknown) {
  const prisma = await getPrisma();
  await prisma.idempotentResponse.updateMany({
    where: { actorId: scope.actorId, key: scope.key, status: RESERVED },
    data: { status, body: toJson(body) },
  });
}

/** The request failed (4xx/5xx: nothing was changed): free the key so a retry runs again. */
export async function releaseKey(scope: IdempotencyScope) {
  const prisma = await getPrisma();
  await prisma.idempotentResponse.deleteMany({ where: { actorId: scope.actorId, key: scope.key, status: RESERVED } });
}

const toJson = (body: unknown) => JSON.parse(JSON.stringify(body ?? null)) as Prisma.InputJsonValue;

/**
 * The answer stored in the caller's transaction. A key reserved by the route layer (status 0)
 * is completed here; without the route layer (direct callers) the key is claimed here.
 */
export async function idempotent<T>(
  tx: Prisma.TransactionClient,
  scope: { actorId: string; key: string | null | undefined; route: string },
  run: () => Promise<T>,
): Promise<{ replayed: boolean; body: T }> {
  if (!scope.key) return { replayed: false, body: await run() };
  const where = { actorId_key: { actorId: scope.actorId, key: scope.key } };
  await lock(tx, { actorId: scope.actorId, key: scope.key });
  const stored = await tx.idempotentResponse.findUnique({ where });
  if (stored && stored.status !== RESERVED) {
    if (stored.route !== scope.route) throw reused();
    return { replayed: true, body: stored.body as T };
  }
  const body = await run();
  if (stored) await tx.idempotentResponse.update({ where, data: { status: 200, body: toJson(body) } });
  else await tx.idempotentResponse.create({ data: { actorId: scope.actorId, key: scope.key, route: scope.route, status: 200, body: toJson(body) } });
  return { replayed: false, body };
}
