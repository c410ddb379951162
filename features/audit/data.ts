import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditQuery } from "./schema";

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

const LOGIN_ACTIONS: string[] = ["auth.login", "auth.login_failed", "auth.login_throttled", "auth.login_failures", "auth.logout"];

/** Events that name the borrower: on the borrower itself, or with `borrowerId` in their before/after. */
function borrowerMatch(id: number): Prisma.AuditEventWhereInput[] {
  return [
    { entityType: "Borrower", entityId: String(id) },
    { after: { path: ["borrowerId"], equals: id } },
    { before: { path: ["borrowerId"], equals: id } },
  ];
}

function auditWhere(q: AuditQuery): Prisma.AuditEventWhereInput {
  // A bare date as `to` means the whole of that day.
  const to = q.to && q.to.length === 10 ? new Date(new Date(q.to).getTime() + 86_400_000 - 1) : q.to ? new Date(q.to) : undefined;
  return {
    ...(q.actor ? { actorEmail: { contains: q.actor.toLowerCase() } } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.from || to ? { at: { gte: q.from ? new Date(q.from) : undefined, lte: to } } : {}),
    ...(q.logins === "include" ? {} : { action: q.action ?? { notIn: LOGIN_ACTIONS } }),
    ...(q.borrowerId != null ? { OR: borrowerMatch(q.borrowerId) } : {}),
  };
}

export async function listAuditEvents(q: AuditQuery, all = false) {
  const prisma = await getPrisma();
  const where = auditWhere(q);
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ where, orderBy: { seq: "desc" }, ...(all ? {} : { skip: (q.page - 1) * q.pageSize, take: q.pageSize }) }),
  ]);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
}
