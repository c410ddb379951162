import "server-only";
import { getPrisma } from "@/lib/db/client";
import { latestMonth } from "@/features/borrowers/data";
import type { Tier } from "@/features/policy/schema";

export const HISTOGRAM_BUCKET = 25;

export type Overview = {
  month: string | null;
  borrowers: number;
  exposure: number;
  balance: number;
  averageScore: number;
  averagePd: number;
  observedDefaultRate: number;
  tierMix: Record<Tier, number>;
  tierChanges: { up: number; down: number };
  tiersByMonth: Array<{ month: string } & Record<Tier, number>>;
  histogram: Array<{ from: number; to: number; good: number; bad: number }>;
};

const emptyTiers = (): Record<Tier, number> => ({ LOW: 0, MEDIUM: 0, HIGH: 0 });

export async function getOverview(): Promise<Overview> {
  const prisma = await getPrisma();
  const month = await latestMonth();
  // "Now" (exposure, balances, tier mix, changes, histogram) from BorrowerState; tiers by month
  // from the Score history, except the latest month, which shows the current tiers.
  const [totals, byMonth, nowTiers, changes, buckets, outcome] = await Promise.all([
    prisma.borrowerState.aggregate({ _count: true, _sum: { limit: true, balance: true }, _avg: { score: true, pd: true } }),
    prisma.score.groupBy({ by: ["month", "tier"], where: { month: { lt: month ?? "" } }, _count: true, orderBy: { month: "asc" } }),
    prisma.borrowerState.groupBy({ by: ["tier"], _count: true }),
    prisma.borrowerState.groupBy({ by: ["tierChange"], _count: true }),
    prisma.$queryRaw<Array<{ bucket: number; outcome: number; n: bigint }>>`
      SELECT (floor(s."score" / ${HISTOGRAM_BUCKET}) * ${HISTOGRAM_BUCKET})::int AS bucket, b."outcome" AS outcome, count(*) AS n
      FROM "BorrowerState" s JOIN "Borrower" b ON b."id" = s."borrowerId"
      GROUP BY 1, 2 ORDER BY 1`,
    prisma.borrower.aggregate({ _avg: { outcome: true } }),
  ]);

  const tiersByMonth = new Map<string, { month: string } & Record<Tier, number>>();
  for (const row of byMonth) {
    const entry = tiersByMonth.get(row.month) ?? { month: row.month, ...emptyTiers() };
    entry[row.tier] = row._count;
    tiersByMonth.set(row.month, entry);
  }
  if (month) tiersByMonth.set(month, { month, ...emptyTiers(), ...Object.fromEntries(nowTiers.map((t) => [t.tier, t._count])) });
  const histogram = new Map<number, { from: number; to: number; good: number; bad: number }>();
  for (const b of buckets) {
    const entry = histogram.get(b.bucket) ?? { from: b.bucket, to: b.bucket + HISTOGRAM_BUCKET, good: 0, bad: 0 };
    entry[b.outcome === 1 ? "bad" : "good"] += Number(b.n);
    histogram.set(b.bucket, entry);
  }
  const changeCount = (sign: number) => changes.find((c) => c.tierChange === sign)?._count ?? 0;

  return {
    month,
    borrowers: totals._count,
    exposure: totals._sum.limit ?? 0,
    balance: totals._sum.balance ?? 0,
    averageScore: totals._avg.score ?? 0,
    averagePd: totals._avg.pd ?? 0,
    observedDefaultRate: outcome._avg.outcome ?? 0,
    tierMix: month ? (tiersByMonth.get(month) ?? { month, ...emptyTiers() }) : emptyTiers(),
    tierChanges: { up: changeCount(1), down: changeCount(-1) },
    tiersByMonth: [...tiersByMonth.values()],
    histogram: [...histogram.values()],
  };
}
