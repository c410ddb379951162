/**
 * Scores one imported month. Pure: per borrower, the statements known up to that month (oldest
 * first, at most 6: the scorecard's "6m" characteristics use min(6, known) months, its "3m" ones
 * need 3), the current limit and the tier the borrower is in before this month → the month's
 * Score row. A borrower with fewer than 3 known months is not scored yet (as April and May).
 */
import type { MonthRecord } from "@/features/import/types";
import type { ScoreModel } from "@/features/scoring/model-types";
import { scoreOfBins, binsAsOf } from "@/features/scoring/scorecard";
import { storeReasons } from "@/features/scoring/reason-store";
import { MIN_MONTH_INDEX } from "@/features/scoring/features";
import type { PolicyConfig, Tier } from "@/features/policy/schema";
import { tierChange, tierFor } from "@/features/policy/tiering";
import { balanceOf, type ScoreRow } from "@/features/borrowers/score-rows";

export const HISTORY_MONTHS = 6;

export type MonthInput = { borrowerId: number; limit: number; history: MonthRecord[]; baseTier: Tier | null };

/** The record shape the scorecard reads: `history` as its months, as-of index = the last one. */
const asRecord = (limit: number, history: MonthRecord[]) =>
  ({ id: 0, limit, sex: 0, education: 0, marriage: 0, age: 0, outcome: 0 as const, months: history.slice(-HISTORY_MONTHS) });

export const canScore = (history: MonthRecord[]) => Math.min(history.length, HISTORY_MONTHS) - 1 >= MIN_MONTH_INDEX;

/**
 * `bins` (from emptyBins), when given, also counts every scored borrower's characteristic bins:
 * the month's CSI counts, taken here so the monitoring need not read the histories again.
 */
export function scoreMonth(month: string, inputs: MonthInput[], model: ScoreModel, cutoffs: PolicyConfig["cutoffs"], bins?: number[][]): ScoreRow[] {
  const out: ScoreRow[] = [];
  for (const b of inputs) {
    if (!canScore(b.history)) continue;
    const rec = asRecord(b.limit, b.history);
    const asOf = rec.months.length - 1;
    const binIndexes = binsAsOf(model, rec, asOf);
    const scored = scoreOfBins(model, binIndexes, asOf);
    if (bins) binIndexes.forEach((k, c) => bins[c][k]++);
    const tier = tierFor(scored.score, cutoffs);
    const balance = balanceOf(rec.months[rec.months.length - 1].bill);
    out.push({
      borrowerId: b.borrowerId, month, score: scored.score, pd: scored.pd, tier, previousTier: b.baseTier,
      tierChange: tierChange(b.baseTier, tier), limit: b.limit, balance, utilization: b.limit > 0 ? balance / b.limit : 0,
      modelVersion: model.version, reasonCodes: storeReasons(scored.reasonCodes),
    });
  }
  return out;
}

/** Bin index per characteristic as of the last month of `history` (what CSI counts). */
export function binsOf(model: ScoreModel, limit: number, history: MonthRecord[]): number[] {
  const rec = asRecord(limit, history);
  return binsAsOf(model, rec, rec.months.length - 1);
}
