import "server-only";
import { getDb, getPrisma } from "@/lib/db/client";
import { cappedCount, type Count } from "@/lib/db/count";
import { Prisma } from "@/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { actorCan } from "@/features/auth/permissions";
import { borrowerLimitHistory } from "@/features/limit-changes/data";
import { getAdjustment } from "@/features/adjustments/data";
import { readReasons } from "@/features/scoring/reason-store";
import { FILTER_KEYS } from "./list-params";
import { borrowerCursorSchema, type BorrowerCursor, type BorrowerDetail, type BorrowerListItem, type BorrowerListQuery, type ProtectedAttributes, type ReasonCode, type SortField } from "./schema";

/** The newest month of the current state ("2005-09" for the UCI portfolio). */
export async function latestMonth(): Promise<string | null> {
  const prisma = await getPrisma();
  const row = await prisma.borrowerState.findFirst({ orderBy: { month: "desc" }, select: { month: true } });
  return row?.month ?? null;
}

// ---- The list: keyset pages over BorrowerState (now) or Score (one month of the history) -------
// Order = (sort value, borrowerId), both in the requested direction, so each page is one range scan
// of a composite index ending in borrowerId (see prisma/schema.prisma); the cursor is the last
// row's key. Guarantee while rows change between pages (tests/db/borrowers-cursor.test.ts): a row
// whose key did not change is returned exactly once; a row whose key moved may show on both sides
// of the cursor or on none, never twice on one page.
const COLUMN: Record<SortField, string> = { id: "borrowerId", score: "score", pd: "pd", tier: "tier", limit: "limit", balance: "balance", utilization: "utilization" };
const col = (name: string) => Prisma.raw(`"${name}"`);

function fromWhere(q: BorrowerListQuery, month: string | null, after: BorrowerCursor | null): Prisma.Sql {
  const conds: Prisma.Sql[] = [];
  if (month) conds.push(Prisma.sql`"month" = ${month}`);
  if (q.tier) conds.push(Prisma.sql`"tier" = ${q.tier}::"Tier"`);
  if (q.minScore != null) conds.push(Prisma.sql`"score" >= ${q.minScore}`);
  if (q.maxScore != null) conds.push(Prisma.sql`"score" <= ${q.maxScore}`);
  if (q.changed) conds.push(Prisma.sql`"tierChange" = ${q.changed === "up" ? 1 : -1}`);
  if (q.minUtil != null) conds.push(Prisma.sql`"utilization" >= ${q.minUtil}`);
  if (q.maxUtil != null) conds.push(Prisma.sql`"utilization" <= ${q.maxUtil}`);
  if (q.q) conds.push(Prisma.sql`"borrowerId" = ${Number(q.q)}`);
  if (after) {
    const op = Prisma.raw(after.o === "asc" ? ">" : "<");
    if (after.s === "id") conds.push(Prisma.sql`"borrowerId" ${op} ${after.id}`);
    else {
      // Typed like the column: an untyped float parameter may reach PostgreSQL rounded.
      const v = after.s === "tier" ? Prisma.sql`${after.v}::"Tier"` : after.s === "pd" || after.s === "utilization" ? Prisma.sql`${String(after.v)}::float8` : Prisma.sql`${after.v}::int`;
      conds.push(Prisma.sql`(${col(COLUMN[after.s])}, "borrowerId") ${op} (${v}, ${after.id})`);
    }
  }
  // Aliased: ORDER BY t."tier" must mean the enum column (enum order, indexed), not the text output column.
  const table = month ? Prisma.raw(`"Score" t`) : Prisma.raw(`"BorrowerState" t`);
  return Prisma.sql`FROM ${table} ${conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty}`;
}

function orderBy(q: BorrowerListQuery): Prisma.Sql {
  const dir = Prisma.raw(q.order === "desc" ? "DESC" : "ASC");
  return q.sort === "id" ? Prisma.sql`ORDER BY t."borrowerId" ${dir}` : Prisma.sql`ORDER BY t.${col(COLUMN[q.sort])} ${dir}, t."borrowerId" ${dir}`;
}

type Row = Omit<BorrowerListItem, "id" | "availableCredit"> & { borrowerId: number };
const toItem = ({ borrowerId, ...rest }: Row): BorrowerListItem => ({ id: borrowerId, ...rest, availableCredit: rest.limit - rest.balance });

async function pageRows(q: BorrowerListQuery, month: string | null, after: BorrowerCursor | null, take: number, offset = 0): Promise<BorrowerListItem[]> {
  const cause = month ? Prisma.sql`NULL::text` : Prisma.sql`"tierChangeCause"`;
  const query = Prisma.sql`
    SELECT "borrowerId", "month", "score", "pd", "tier"::text AS "tier", "previousTier"::text AS "previousTier", ${cause} AS "tierChangeCause",
           "limit", "balance", "utilization"
    ${fromWhere(q, month, after)} ${orderBy(q)} LIMIT ${take} OFFSET ${offset}`;
  // Straight through pg (int4 and float8 arrive as numbers): Prisma's raw-result conversion cost
  // more than the query itself for the export's 5,000-row batches.
  const rows = await (await getDb()).sql.query<Row>(query.text, query.values);
  return rows.map(toItem);
}

const keyOf = (q: BorrowerListQuery, month: string | null, item: BorrowerListItem): BorrowerCursor => ({
  s: q.sort, o: q.order, m: month, v: q.sort === "id" ? item.id : item[q.sort], id: item.id,
});

/** The cursor of a query, checked against it: a cursor made for another sort or month is a 400. */
function readCursor(q: BorrowerListQuery, month: string | null): BorrowerCursor | null {
  if (!q.cursor) return null;
  const c = decodeCursor(borrowerCursorSchema, q.cursor);
  const sortOk = c && (c.s === "id" || (c.s === "tier" ? typeof c.v === "string" : typeof c.v === "number"));
  if (!c || !sortOk || c.s !== q.sort || c.o !== q.order || c.m !== month) {
    throw new ApiError(400, "Invalid query parameters: cursor", [{ field: "cursor", message: "is not a cursor of this list (same sort, order and month): start again without it" }]);
  }
  return c;
}

/** The month to read: the current state (null) or a month that has scores (404 otherwise). */
async function monthOf(q: BorrowerListQuery): Promise<string | null> {
  if (!q.month) return null;
  const prisma = await getPrisma();
  const found = await prisma.score.findFirst({ where: { month: q.month }, select: { month: true } });
  if (!found) throw new ApiError(404, `No scores for month ${q.month}.`);
  return q.month;
}

/** Counts: the maintained summary where it holds the answer (now, no filter or one tier / tier change), else capped. */
async function countRows(q: BorrowerListQuery, month: string | null): Promise<Count> {
  const onlyKeys = (keys: string[]) => FILTER_KEYS.every((k) => keys.includes(k) || q[k] == null);
  if (!month && onlyKeys(["tier", "changed"]) && !(q.tier && q.changed)) {
    const prisma = await getPrisma();
    const s = await prisma.portfolioSummary.findUnique({ where: { id: 1 }, select: { borrowers: true, tiers: true, tierChanges: true } });
    if (s) {
      const total = q.tier ? ((s.tiers as Record<string, number>)[q.tier] ?? 0) : q.changed ? ((s.tierChanges as Record<string, number>)[q.changed] ?? 0) : s.borrowers;
      return { total, totalIsEstimate: false };
    }
  }
  return cappedCount(fromWhere(q, month, null));
}

export async function listBorrowers(q: BorrowerListQuery) {
  const month = await monthOf(q);
  const after = readCursor(q, month);
  const [count, rows] = await Promise.all([countRows(q, month), pageRows(q, month, after, q.pageSize + 1, after ? 0 : (q.page - 1) * q.pageSize)]);
  const items = rows.slice(0, q.pageSize);
  const nextCursor = rows.length > q.pageSize ? encodeCursor(keyOf(q, month, items[items.length - 1])) : null;
  return { ...count, month: month ?? items[0]?.month ?? (await latestMonth()), page: after ? 1 : q.page, pageSize: q.pageSize, nextCursor, items };
}

/**
 * Every matching row in list order, in keyset batches (the CSV export streams these: constant
 * memory). The month is checked before anything streams, so a month without scores is still a 404.
 */
export async function borrowerBatches(q: BorrowerListQuery, batch = 5_000): Promise<AsyncGenerator<BorrowerListItem[]>> {
  return batchesOf(q, await monthOf(q), batch);
}

async function* batchesOf(q: BorrowerListQuery, month: string | null, batch: number): AsyncGenerator<BorrowerListItem[]> {
  let after: BorrowerCursor | null = null;
  for (;;) {
    const rows = await pageRows(q, month, after, batch);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = keyOf(q, month, rows[rows.length - 1]);
  }
}

/** Every matching row (tests; the export streams borrowerBatches instead). */
export async function allBorrowers(q: BorrowerListQuery): Promise<BorrowerListItem[]> {
  const out: BorrowerListItem[] = [];
  for await (const rows of await borrowerBatches(q)) out.push(...rows);
  return out;
}

/**
 * One borrower's protected attributes, as coded in the data set — only for a caller with
 * `borrower-protected:read`; null for anyone else (and never part of the list or the CSV).
 */
export async function protectedAttributesFor(caller: { role: string; scope?: string | null }, id: number): Promise<ProtectedAttributes | null> {
  if (!actorCan(caller, "borrower-protected:read")) return null;
  const prisma = await getPrisma();
  return prisma.borrower.findUnique({ where: { id }, select: { sex: true, education: true, marriage: true, age: true } });
}

export async function getBorrower(id: number): Promise<BorrowerDetail | null> {
  const prisma = await getPrisma();
  const borrower = await prisma.borrower.findUnique({
    where: { id },
    include: { state: true, statements: { orderBy: { month: "asc" } }, scores: { orderBy: { month: "asc" } } },
  });
  if (!borrower?.state) return null;
  const { state } = borrower;
  const scoreByMonth = new Map(borrower.scores.map((s) => [s.month, s]));
  return {
    id: borrower.id,
    limit: state.limit,
    balance: state.balance,
    availableCredit: state.limit - state.balance,
    tier: state.tier,
    tierChangeCause: state.tierChangeCause as BorrowerDetail["tierChangeCause"],
    outcome: borrower.outcome === 1 ? 1 : 0,
    history: borrower.statements.map((st) => {
      const s = scoreByMonth.get(st.month);
      return {
        month: st.month,
        score: s?.score ?? null,
        pd: s?.pd ?? null,
        tier: s?.tier ?? null,
        limit: st.limit,
        balance: st.balance,
        bill: st.bill,
        payment: st.payment,
        utilization: st.limit > 0 ? st.balance / st.limit : 0,
        repaymentStatus: st.repaymentStatus,
      };
    }),
    // Every losing characteristic carries its points, so pointsLost is never null here.
    reasonCodes: readReasons(state.reasonCodes) as ReasonCode[],
  };
}

/**
 * GET /api/v1/borrowers/{id} as the route answers it: the borrower, its limit history, notices,
 * appeals and pending adjustment, and the protected attributes only for callers who may read them.
 * The borrower page renders its limit panel from the same answer (lib/initial-page).
 */
export async function getBorrowerDetail(id: number, caller: { role: string; scope?: string | null }, at: Date) {
  const borrower = await getBorrower(id);
  if (!borrower) return null;
  const { pendingAdjustmentId, ...history } = await borrowerLimitHistory(id, at);
  const [pendingAdjustment, protectedAttributes] = await Promise.all([pendingAdjustmentId ? getAdjustment(pendingAdjustmentId) : null, protectedAttributesFor(caller, id)]);
  return { ...borrower, currentLimit: borrower.limit, ...history, pendingAdjustment, ...(protectedAttributes ? { protectedAttributes } : {}) };
}
