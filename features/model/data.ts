import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { ScoreModel } from "@/features/scoring/model-types";
import type { CandidateView } from "./candidates";
import type { BorrowerRecord } from "@/features/import/types";
import { monthsBack } from "@/features/imports/month-monitoring";

/** The scorecard in use, as installed in the database by the seed. */
export async function getActiveModel(): Promise<ScoreModel | null> {
  const prisma = await getPrisma();
  const row = await prisma.scoreModel.findFirst({ where: { active: true }, orderBy: { createdAt: "desc" } });
  return (row?.model as unknown as ScoreModel | undefined) ?? null;
}

/** Every stored model version, candidates first, then newest first (the model page's section). */
export async function listModelVersions(): Promise<CandidateView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.scoreModel.findMany({
    select: { version: true, status: true, auc: true, ks: true, model: true, fittedByEmail: true, decidedByEmail: true, decidedAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const rank = (s: string) => (s === "CANDIDATE" ? 0 : 1);
  return rows
    .sort((a, b) => rank(a.status) - rank(b.status))
    .map((r) => ({
      version: r.version, status: r.status as CandidateView["status"], auc: r.auc, ks: r.ks,
      cvAuc: (r.model as unknown as ScoreModel).validation?.cv.auc.mean ?? null,
      fittedByEmail: r.fittedByEmail, decidedByEmail: r.decidedByEmail, decidedAt: r.decidedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
    }));
}

/**
 * The portfolio as the fit reads it: every borrower with a statement in each of the six months
 * up to the month before the outcome month (the outcome is that month's default), oldest first,
 * with the static columns and the outcome from Borrower. Read in one query per 20,000 borrowers.
 */
export async function portfolioForFit(outcomeMonth: string): Promise<BorrowerRecord[]> {
  const prisma = await getPrisma();
  const last = monthsBack(outcomeMonth, 1);
  const first = monthsBack(outcomeMonth, 6);
  const out: BorrowerRecord[] = [];
  for (let after = -1; ;) {
    const rows = await prisma.$queryRaw<Array<{ id: number; sex: number; education: number; marriage: number; age: number; outcome: number; limits: number[]; months: string[] | null; bills: number[]; payments: number[]; statuses: number[] }>>`
      SELECT b."id", b."sex", b."education", b."marriage", b."age", b."outcome",
        array_agg(h."limit" ORDER BY h."month") AS limits, array_agg(h."month" ORDER BY h."month") FILTER (WHERE h."month" IS NOT NULL) AS months,
        array_agg(h."bill" ORDER BY h."month") AS bills, array_agg(h."payment" ORDER BY h."month") AS payments,
        array_agg(h."repaymentStatus" ORDER BY h."month") AS statuses
      FROM (SELECT * FROM "Borrower" WHERE "id" > ${after} ORDER BY "id" LIMIT 20000) b
      LEFT JOIN "Statement" h ON h."borrowerId" = b."id" AND h."month" >= ${first} AND h."month" <= ${last}
      GROUP BY b."id", b."sex", b."education", b."marriage", b."age", b."outcome" ORDER BY b."id"`;
    if (rows.length === 0) return out;
    after = rows[rows.length - 1].id;
    for (const r of rows) {
      if (r.months?.length !== 6) continue; // not in every one of the six months: not fitted on
      out.push({
        id: r.id, limit: r.limits[5], sex: r.sex, education: r.education, marriage: r.marriage, age: r.age, outcome: r.outcome as 0 | 1,
        months: r.months.map((month, k) => ({ month, bill: r.bills[k], payment: r.payments[k], status: r.statuses[k] })),
      });
    }
  }
}
