// The inbox's count and Σ totals without a scan of every matching item (issue 8 §4). Filters on
// status, run, proposer, tier move and direction — the inbox's usual selections, and what a bulk
// decision by filter takes — are answered EXACTLY from the maintained "AdjustmentTotal" deltas
// (a few rows per key, whatever the number of items). The amount range and the borrower are not
// keys: those selections are counted exactly up to the count cap (lib/db/count.ts) and beyond it
// estimated, count and sums alike, and marked `totalIsEstimate` (the UI shows "≈").
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { cappedCount, countExactLimit } from "@/lib/db/count";
import type { AdjustmentFilter } from "@/features/adjustments/schema";

export type InboxTotals = {
  total: number; totalIsEstimate: boolean;
  totals: { count: number; increase: { count: number; amount: number }; decrease: { count: number; amount: number }; netChange: number; exposureDelta: number };
};

const direction = (q: AdjustmentFilter) => (q.direction === "increase" ? 1 : q.direction === "decrease" ? -1 : null);
const tierMove = (q: AdjustmentFilter) => (q.tierChange === "up" ? 1 : q.tierChange === "down" ? -1 : q.tierChange === "same" ? 0 : null);

function shape(total: number, totalIsEstimate: boolean, inc: { count: number; amount: number }, dec: { count: number; amount: number }): InboxTotals {
  return { total, totalIsEstimate, totals: { count: total, increase: inc, decrease: dec, netChange: inc.amount - dec.amount, exposureDelta: inc.amount - dec.amount } };
}

/** The totals of the selection `q` (the inbox filter). */
export async function inboxTotals(q: AdjustmentFilter): Promise<InboxTotals> {
  return q.minAmount != null || q.maxAmount != null || q.borrowerId != null ? scannedTotals(q) : maintainedTotals(q);
}

async function maintainedTotals(q: AdjustmentFilter): Promise<InboxTotals> {
  const prisma = await getPrisma();
  const where = [
    q.status ? Prisma.sql`"status" = ${q.status}::"AdjustmentStatus"` : null,
    q.policyRunId ? Prisma.sql`"policyRunId" = ${q.policyRunId}` : null,
    q.proposer ? Prisma.sql`"proposedByEmail" = ${q.proposer.toLowerCase()}` : null,
    tierMove(q) != null ? Prisma.sql`"tierMove" = ${tierMove(q)}` : null,
    direction(q) != null ? Prisma.sql`"direction" = ${direction(q)}` : null,
  ].filter((x): x is Prisma.Sql => x != null);
  const rows = await prisma.$queryRaw<Array<{ direction: number; n: bigint; amount: bigint }>>`
    SELECT "direction", sum("count")::bigint AS n, sum("amount")::bigint AS amount FROM "AdjustmentTotal"
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty} GROUP BY 1`;
  const of = (d: number) => rows.find((r) => r.direction === d);
  const total = rows.reduce((s, r) => s + Number(r.n), 0);
  const inc = of(1), dec = of(-1);
  return shape(total, false, { count: Number(inc?.n ?? 0), amount: Number(inc?.amount ?? 0) }, { count: Number(dec?.n ?? 0), amount: 0 - Number(dec?.amount ?? 0) });
}

/** The filter as SQL (the same conditions as adjustmentFilter, for the capped count and sums). */
function filterSql(q: AdjustmentFilter): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (q.status) c.push(Prisma.sql`"status" = ${q.status}::"AdjustmentStatus"`);
  if (direction(q) === 1) c.push(Prisma.sql`"delta" > 0`);
  if (direction(q) === -1) c.push(Prisma.sql`"delta" < 0`);
  if (q.policyRunId) c.push(Prisma.sql`"policyRunId" = ${q.policyRunId}`);
  if (q.proposer) c.push(Prisma.sql`"proposedByEmail" = ${q.proposer.toLowerCase()}`);
  if (q.borrowerId) c.push(Prisma.sql`"borrowerId" = ${q.borrowerId}`);
  if (tierMove(q) != null) c.push(Prisma.sql`"tierMove" = ${tierMove(q)}`);
  if (q.minAmount != null) c.push(Prisma.sql`"amount" >= ${q.minAmount}`);
  if (q.maxAmount != null) c.push(Prisma.sql`"amount" <= ${q.maxAmount}`);
  return Prisma.sql`FROM "Adjustment" WHERE ${Prisma.join(c, " AND ")}`;
}

async function scannedTotals(q: AdjustmentFilter): Promise<InboxTotals> {
  const prisma = await getPrisma();
  const fromWhere = filterSql(q);
  const count = await cappedCount(fromWhere);
  // Exact: at most the cap's rows are summed. Beyond it the first cap + 1 rows' sums are scaled up
  // to the estimated count — a rough figure, and marked as one.
  const [s] = await prisma.$queryRaw<Array<{ n: number; ic: number; ia: bigint; dc: number; da: bigint }>>`
    SELECT count(*)::int AS n, count(*) FILTER (WHERE "delta" > 0)::int AS ic, coalesce(sum("delta") FILTER (WHERE "delta" > 0), 0)::bigint AS ia,
      count(*) FILTER (WHERE "delta" < 0)::int AS dc, coalesce(-sum("delta") FILTER (WHERE "delta" < 0), 0)::bigint AS da
    FROM (SELECT "delta" ${fromWhere} LIMIT ${countExactLimit() + 1}) capped`;
  const k = count.totalIsEstimate && s.n > 0 ? count.total / s.n : 1;
  const scaled = (x: number | bigint) => Math.round(Number(x) * k);
  return shape(count.total, count.totalIsEstimate, { count: scaled(s.ic), amount: scaled(s.ia) }, { count: scaled(s.dc), amount: scaled(s.da) });
}
