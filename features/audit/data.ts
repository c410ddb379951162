import "server-only";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/generated/prisma/client";
import { cappedCount } from "@/lib/db/count";
import { ApiError } from "@/lib/api/errors";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { auditCursorSchema, type AuditQuery } from "./schema";

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

/**
 * Events that name the borrower: on the borrower itself, with `borrowerId` in their before/after,
 * or among the `borrowerIds` of a batch event (setLimits: a run approval's applied changes).
 */
function borrowerMatch(id: number): Prisma.AuditEventWhereInput[] {
  return [
    { entityType: "Borrower", entityId: String(id) },
    { after: { path: ["borrowerId"], equals: id } },
    { before: { path: ["borrowerId"], equals: id } },
    { after: { path: ["borrowerIds"], array_contains: [id] } },
  ];
}

function range(q: AuditQuery) {
  // A bare date as `to` means the whole of that day.
  const to = q.to && q.to.length === 10 ? new Date(new Date(q.to).getTime() + 86_400_000 - 1) : q.to ? new Date(q.to) : undefined;
  return { from: q.from ? new Date(q.from) : undefined, to };
}

function auditWhere(q: AuditQuery): Prisma.AuditEventWhereInput {
  const { to } = range(q);
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

function cursorOf(q: AuditQuery): number | null {
  if (!q.cursor) return null;
  const c = decodeCursor(auditCursorSchema, q.cursor);
  if (!c) throw new ApiError(400, "Invalid query parameters: cursor", [{ field: "cursor", message: "is not a cursor of the audit list: start again without it" }]);
  return c.seq;
}

const view = <T extends { at: Date }>(r: T) => ({ ...r, at: r.at.toISOString() });

/** One page, newest first: keyset on seq (`cursor`) or a shallow `page`; total exact up to the cap, else estimated. */
export async function listAuditEvents(q: AuditQuery) {
  const prisma = await getPrisma();
  const before = cursorOf(q);
  const where = auditWhere(q);
  const [count, rows] = await Promise.all([
    cappedCount(auditFromWhere(q)),
    prisma.auditEvent.findMany({
      where: before ? { AND: [where, { seq: { lt: before } }] } : where,
      orderBy: { seq: "desc" },
      skip: before ? 0 : (q.page - 1) * q.pageSize,
      take: q.pageSize + 1,
    }),
  ]);
  const items = rows.slice(0, q.pageSize).map(view);
  const nextCursor = rows.length > q.pageSize ? encodeCursor({ seq: items[items.length - 1].seq }) : null;
  return { ...count, page: before ? 1 : q.page, pageSize: q.pageSize, nextCursor, items };
}

/** Every matching event, newest first, in keyset batches (the streamed CSV). */
export async function* auditBatches(q: AuditQuery, batch = 2_000) {
  const prisma = await getPrisma();
  const where = auditWhere(q);
  let before: number | null = null;
  for (;;) {
    const rows: Array<{ seq: number; at: Date }> = await prisma.auditEvent.findMany({ where: before ? { AND: [where, { seq: { lt: before } }] } : where, orderBy: { seq: "desc" }, take: batch });
    if (rows.length) yield rows.map(view);
    if (rows.length < batch) return;
    before = rows[rows.length - 1].seq;
  }
}

/** The same filters as SQL, for the capped count. */
function auditFromWhere(q: AuditQuery): Prisma.Sql {
  const { from, to } = range(q);
  const conds: Prisma.Sql[] = [];
  if (q.actor) conds.push(Prisma.sql`"actorEmail" LIKE ${`%${q.actor.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (q.action) conds.push(Prisma.sql`"action" = ${q.action}`);
  if (q.entityType) conds.push(Prisma.sql`"entityType" = ${q.entityType}`);
  if (q.entityId) conds.push(Prisma.sql`"entityId" = ${q.entityId}`);
  if (from) conds.push(Prisma.sql`"at" >= ${from}`);
  if (to) conds.push(Prisma.sql`"at" <= ${to}`);
  if (q.logins !== "include" && !q.action) conds.push(Prisma.sql`"action" <> ALL(${LOGIN_ACTIONS}::text[])`);
  if (q.borrowerId != null) {
    const id = q.borrowerId;
    conds.push(Prisma.sql`(("entityType" = 'Borrower' AND "entityId" = ${String(id)}) OR "after"->'borrowerId' = to_jsonb(${id}::int) OR "before"->'borrowerId' = to_jsonb(${id}::int)
      OR "after"->'borrowerIds' @> jsonb_build_array(${id}::int))`);
  }
  return Prisma.sql`FROM "AuditEvent" ${conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty}`;
}
