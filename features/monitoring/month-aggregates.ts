/**
 * Folds a month's borrowers into the counts the report reads (features/monitoring/aggregate.ts),
 * chunk by chunk: memory holds one chunk of histories and the counts, never the portfolio. Pure;
 * mutations.ts feeds it from the database.
 */
import type { ScoreModel } from "@/features/scoring/model-types";
import type { MonthRecord } from "@/features/import/types";
import { binsOf } from "@/features/imports/score-month";
import { monthsBack } from "@/features/imports/month-monitoring";
import { OUTCOME_MONTH } from "./snapshots";
import { emptyBins, emptyTiers, type CalibrationBandInput, type MonthAggregate, type ScoreCount } from "./aggregate";
import type { Tier } from "@/features/policy/schema";

/** One borrower's statements up to the month (oldest first), as one row of arrays. */
export type HistoryArrays = { limits: number[]; months: string[]; bills: number[]; payments: number[]; statuses: number[] };

/**
 * Adds one chunk of borrowers' bins to the bins of each month they were scored in (`scored`:
 * borrower id, month; `bins` from emptyBins per month): the borrower's history cut to the
 * months after `month` − 6 up to `month`, its limit the latest one there, as scoring read it.
 */
export function addScoredBins(model: ScoreModel, bins: Map<string, number[][]>, chunk: Array<HistoryArrays & { id: number }>, scored: Array<{ id: number; month: string }>) {
  const byId = new Map(chunk.map((h) => [h.id, h]));
  for (const s of scored) {
    const h = byId.get(s.id);
    const into = bins.get(s.month);
    if (!h || !into) continue;
    const from = monthsBack(s.month, 6);
    const history: MonthRecord[] = [];
    let limit = 0;
    h.months.forEach((month, k) => {
      if (month <= from || month > s.month) return;
      history.push({ month, bill: h.bills[k], payment: h.payments[k], status: h.statuses[k] });
      limit = h.limits[k];
    });
    if (history.length > 0) binsOf(model, limit, history).forEach((k, c) => into[c][k]++);
  }
}

export type ScoreTierCount = { month: string; score: number; tier: Tier; n: number };

/** The months' aggregates from counts per (month, score, tier), the current month's bad counts and bins. */
export function aggregatesOf(model: ScoreModel, counts: ScoreTierCount[], current: { month: string; bads: Map<number, number>; calibration: CalibrationBandInput[] | null }, bins: Map<string, number[][]>): Map<string, MonthAggregate> {
  const out = new Map<string, MonthAggregate>();
  const byScore = new Map<string, Map<number, ScoreCount>>();
  for (const c of counts) {
    let a = out.get(c.month);
    if (!a) {
      out.set(c.month, (a = { month: c.month, n: 0, scores: [], tiers: emptyTiers(), bins: bins.get(c.month) ?? emptyBins(model), outcome: { month: OUTCOME_MONTH }, calibration: null }));
      byScore.set(c.month, new Map());
    }
    a.n += c.n;
    a.tiers[c.tier] += c.n;
    const m = byScore.get(c.month)!;
    const s = m.get(c.score) ?? { score: c.score, n: 0, bads: 0 };
    s.n += c.n;
    m.set(c.score, s);
  }
  for (const [month, a] of out) {
    a.scores = [...byScore.get(month)!.values()].sort((x, y) => x.score - y.score);
    if (month === current.month) {
      for (const s of a.scores) s.bads = current.bads.get(s.score) ?? 0;
      a.calibration = current.calibration;
    }
  }
  return out;
}
