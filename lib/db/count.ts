// Counts that stay cheap at 10 M rows: exact up to COUNT_EXACT_LIMIT matching rows (a count over a
// LIMITed subquery stops there), beyond that the planner's row estimate (EXPLAIN), marked as such.
// Deep exact counts are what made a list of millions cost seconds per request (issue 8 §4).
import { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "./client";

export const COUNT_EXACT_LIMIT = 10_000;

/** The cap in force: COUNT_EXACT_LIMIT, or `LIMITDESK_COUNT_EXACT_LIMIT` (tests lower it to see estimates on a small database). */
export function countExactLimit(): number {
  const v = Number(process.env.LIMITDESK_COUNT_EXACT_LIMIT);
  return Number.isInteger(v) && v >= 0 ? v : COUNT_EXACT_LIMIT;
}

export type Count = { total: number; totalIsEstimate: boolean };

/** `fromWhere` is the query's `FROM … WHERE …` fragment (parameterised). */
export async function cappedCount(fromWhere: Prisma.Sql): Promise<Count> {
  const prisma = await getPrisma();
  const cap = countExactLimit();
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${cap + 1}) capped`;
  if (row.n <= cap) return { total: row.n, totalIsEstimate: false };
  const [plan] = await prisma.$queryRaw<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }[]>`EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere}`;
  const estimate = Math.round(plan["QUERY PLAN"][0].Plan["Plan Rows"]);
  // More than the limit is a fact we just counted; an estimate below it would contradict it.
  return { total: Math.max(estimate, cap + 1), totalIsEstimate: true };
}
