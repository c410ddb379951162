// Idempotency-Key support for decision calls. The stored answer is written in the SAME
// transaction as the decision, and same-key requests are serialised by an advisory lock, so a
// retry (even one racing the original) gets the first answer, never a second decision.
import type { Prisma } from "@/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";

export async function idempotent<T>(
  tx: Prisma.TransactionClient,
  scope: { actorId: string; key: string | null | undefined; route: string },
  run: () => Promise<T>,
): Promise<{ replayed: boolean; body: T }> {
  if (!scope.key) return { replayed: false, body: await run() };
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${scope.actorId}:${scope.key}`}))`;
  const stored = await tx.idempotentResponse.findUnique({ where: { actorId_key: { actorId: scope.actorId, key: scope.key } } });
  if (stored && stored.route !== scope.route) {
    throw new ApiError(422, "This Idempotency-Key was already used for a different request; send a new key.");
  }
  if (stored) return { replayed: true, body: stored.body as T };
  const body = await run();
  await tx.idempotentResponse.create({
    data: { actorId: scope.actorId, key: scope.key, route: scope.route, status: 200, body: JSON.parse(JSON.stringify(body)) as Prisma.InputJsonValue },
  });
  return { replayed: false, body };
}
