import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import type { ScoreModel } from "@/features/scoring/model-types";
import { monthsBack } from "@/features/imports/month-monitoring";
import { buildReportOfAggregates, type MonitoringReport } from "./report";
import { emptyBins, type CalibrationBandInput } from "./aggregate";
import { addScoredBins, aggregatesOf, type HistoryArrays, type ScoreTierCount } from "./month-aggregates";
import { OUTCOME_MONTH } from "./snapshots";

type Actor = { id: string | null; email: string | null } | null;

/**
 * Writes the monitoring reports of a scoring run inside `tx` (replacing any earlier report of the
 * same month and reference) with one audit event. A scoring job passes its own transaction so the
 * month's scores and its monitoring commit together.
 */
export async function writeMonitoringReports(tx: Prisma.TransactionClient, reports: MonitoringReport[], actor: Actor = null) {
  for (const r of reports) {
    const data = { modelVersion: r.modelVersion, report: r as unknown as Prisma.InputJsonValue };
    await tx.modelMonitoring.upsert({
      where: { month_reference: { month: r.month, reference: r.reference } },
      create: { month: r.month, reference: r.reference, ...data },
      update: { ...data, createdAt: new Date() },
    });
  }
  await recordAudit(tx, {
    actor,
    action: "monitoring.stored",
    entityType: "ModelMonitoring",
    entityId: reports.map((r) => `${r.month}/${r.reference}`).join(","),
    after: { reports: reports.length, alerts: reports.reduce((s, r) => s + r.alerts.length, 0) },
  });
}

/** The same in a transaction of its own (the seed, after importing the portfolio). */
export async function storeMonitoringReports(reports: MonitoringReport[], actor: Actor = null) {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) => writeMonitoringReports(tx, reports, actor));
}

const CHUNK = 20_000;
const isMature = (month: string) => monthsBack(OUTCOME_MONTH, 1) === month;

/**
 * The reports of `month` against every earlier scored month (the first against itself), built
 * set-based inside `tx`: SQL counts per (month, score, tier), the month's bad counts per score
 * and its calibration bands, and the characteristic bins. The month's bins are `currentBins` when
 * the caller counted them while scoring (scoreStagedMonth), else streamed. An earlier month's bins
 * come from its own stored report when that was made with the same model (its statements cannot
 * have changed: only the latest month can be replaced); the months without one are streamed
 * together in ONE pass over the histories (a pass per month read 1 M histories five times).
 * Memory does not grow with the portfolio; the numbers equal the in-memory buildMonthReports (tests/db).
 */
export async function buildMonthReportsInTx(tx: Prisma.TransactionClient, model: ScoreModel, month: string, currentBins?: number[][]): Promise<MonitoringReport[]> {
  const counts = await tx.$queryRaw<ScoreTierCount[]>`
    SELECT "month", "score", "tier", count(*)::int AS n FROM "Score" WHERE "month" <= ${month} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  const months = [...new Set(counts.map((c) => c.month))];
  if (!months.includes(month)) return [];
  const bads = new Map((await tx.$queryRaw<Array<{ score: number; bads: number }>>`
    SELECT sc."score", sum(b."outcome")::int AS bads FROM "Score" sc JOIN "Borrower" b ON b."id" = sc."borrowerId"
    WHERE sc."month" = ${month} GROUP BY 1`).map((r) => [r.score, r.bads]));
  const calibration = isMature(month) ? await calibrationBandsInTx(tx, month) : null;
  const bins = new Map<string, number[][]>();
  if (currentBins) bins.set(month, currentBins);
  for (const m of months.filter((x) => x < month)) {
    const stored = await storedBins(tx, model, m);
    if (stored) bins.set(m, stored);
  }
  for (const [m, b] of await streamBins(tx, model, months.filter((x) => !bins.has(x)))) bins.set(m, b);
  const aggs = aggregatesOf(model, counts, { month, bads, calibration }, bins);
  const current = aggs.get(month)!;
  const earlier = months.filter((m) => m < month);
  if (earlier.length === 0) return [buildReportOfAggregates(model, current, current)];
  return earlier.map((m) => buildReportOfAggregates(model, current, aggs.get(m)!));
}

/** Equal-count bands of ascending (score, borrower id), as reliability() cuts them, summed per (band, score, pd). */
async function calibrationBandsInTx(tx: Prisma.TransactionClient, month: string): Promise<CalibrationBandInput[]> {
  const rows = await tx.$queryRaw<Array<{ band: number; score: number; pd: number; n: number; bads: number }>>`
    WITH s AS (
      SELECT sc."score", sc."pd", b."outcome", row_number() OVER (ORDER BY sc."score", sc."borrowerId") - 1 AS p, count(*) OVER () AS total
      FROM "Score" sc JOIN "Borrower" b ON b."id" = sc."borrowerId" WHERE sc."month" = ${month})
    SELECT (((p + 1) * 10 - 1) / total)::int AS band, "score", "pd", count(*)::int AS n, sum("outcome")::int AS bads
    FROM s GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  const out: CalibrationBandInput[] = [];
  for (const r of rows) {
    let b = out[out.length - 1];
    if (!b || b.band !== r.band + 1) out.push((b = { band: r.band + 1, n: 0, pdSum: 0, bads: 0, minScore: r.score, maxScore: r.score }));
    for (let i = 0; i < r.n; i++) b.pdSum += r.pd; // one addition per borrower, in rank order: the same sum as reliability()
    b.n += r.n;
    b.bads += r.bads;
    b.maxScore = r.score;
  }
  return out;
}

/** The month's bin counts from a stored report made with this model, if there is one. */
async function storedBins(tx: Prisma.TransactionClient, model: ScoreModel, month: string): Promise<number[][] | null> {
  const [row] = await tx.$queryRaw<Array<{ csi: Array<{ code: string; bins: Array<{ actualCount: number }> }> }>>`
    SELECT "report"->'csi' AS csi FROM "ModelMonitoring" WHERE "month" = ${month} AND "modelVersion" = ${model.version} LIMIT 1`;
  const csi = row?.csi;
  const ok = csi && csi.length === model.characteristics.length && model.characteristics.every((c, i) => csi[i].code === c.code && csi[i].bins.length === c.bins.length);
  return ok ? csi.map((c) => c.bins.map((b) => b.actualCount)) : null;
}

/**
 * The bins of every borrower scored in any of `months`, in one pass of CHUNK borrowers at a time:
 * each borrower's statements over all the months' windows, then per scored month the history up to
 * it (last 6 months, as scoring reads it) → bins.
 */
export async function streamBins(tx: Prisma.TransactionClient, model: ScoreModel, months: string[]): Promise<Map<string, number[][]>> {
  const out = new Map(months.map((m) => [m, emptyBins(model)]));
  if (months.length === 0) return out;
  const from = monthsBack(months.reduce((a, b) => (a < b ? a : b)), 6);
  const to = months.reduce((a, b) => (a > b ? a : b));
  for (let after = -1; ;) {
    const [range] = await tx.$queryRaw<Array<{ first: number | null; last: number | null }>>`
      SELECT min("id") AS first, max("id") AS last FROM (SELECT "id" FROM "Borrower" WHERE "id" > ${after} ORDER BY "id" LIMIT ${CHUNK}) x`;
    if (range.first === null || range.last === null) return out;
    const { first, last } = range;
    after = last;
    // Both reads are range scans of the tables' (borrowerId, month) keys: an unbounded side of a
    // join made each chunk scan the whole month.
    const scored = await tx.$queryRaw<Array<{ id: number; month: string }>>`
      SELECT "borrowerId" AS id, "month" FROM "Score" WHERE "borrowerId" BETWEEN ${first} AND ${last} AND "month" = ANY(${months})`;
    const chunk = await tx.$queryRaw<Array<HistoryArrays & { id: number }>>`
      SELECT h."borrowerId" AS id, array_agg(h."month" ORDER BY h."month") AS months, array_agg(h."limit" ORDER BY h."month") AS limits,
        array_agg(h."bill" ORDER BY h."month") AS bills, array_agg(h."payment" ORDER BY h."month") AS payments,
        array_agg(h."repaymentStatus" ORDER BY h."month") AS statuses
      FROM "Statement" h WHERE h."borrowerId" BETWEEN ${first} AND ${last} AND h."month" > ${from} AND h."month" <= ${to}
      GROUP BY h."borrowerId"`;
    addScoredBins(model, out, chunk, scored);
  }
}
