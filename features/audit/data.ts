import "server-only";
import { getPrisma } from "@/lib/db/client";

/** The whole chain in order, in pages, for verification. */
export async function* auditChain(pageSize = 5_000) {
  const prisma = await getPrisma();
  let after = 0;
  for (;;) {
    const page = await prisma.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: pageSize });
    if (!page.length) return;
    yield* page;
    after = page[page.length - 1].seq;
  }
}

export type EntityEvent = { seq: number; at: string; action: string; actorEmail: string | null; after: unknown };

/** The audit history of one entity (e.g. a policy version), oldest first. */
export async function entityHistory(entityType: string, entityId: string): Promise<EntityEvent[]> {
  const prisma = await getPrisma();
  const rows = await prisma.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: { seq: "asc" },
    select: { seq: true, at: true, action: true, actorEmail: true, after: true },
  });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
