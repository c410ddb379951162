/**
 * A scored month as COUNTS: what the monitoring report reads, with a size that does not depend on
 * the portfolio's (distinct scores × tiers, model bins, ten calibration bands). The import builds
 * it set-based (SQL aggregates) and by a chunked stream for the characteristic bins; a column-wise
 * MonthSnapshot (tests, small inputs) is reduced to the same counts by `aggregateOf`, so both
 * paths feed one report builder and give the same numbers.
 */
import type { ScoreModel } from "@/features/scoring/model-types";
import { TIERS, type Tier } from "@/features/policy/schema";

/** Borrowers with one score, and how many of them defaulted (0 when no outcome has arrived). */
export type ScoreCount = { score: number; n: number; bads: number };
/** One equal-count calibration band (ascending score, ties by borrower order); pdSum added in that order. */
export type CalibrationBandInput = { band: number; n: number; pdSum: number; bads: number; minScore: number; maxScore: number };

export type MonthAggregate = {
  month: string;
  n: number;
  /** Distinct scores, ascending. */
  scores: ScoreCount[];
  tiers: Record<Tier, number>;
  /** bins[c][k] = borrowers in bin k of characteristic c (model order). */
  bins: number[][];
  outcome: { month: string } | null;
  /** The reliability bands; only read when the outcome is mature. */
  calibration: CalibrationBandInput[] | null;
};

export const emptyTiers = (): Record<Tier, number> => Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
export const emptyBins = (model: ScoreModel): number[][] => model.characteristics.map((c) => new Array<number>(c.bins.length).fill(0));

/** Distinct values ascending with their count and bad count. */
export function scoreCounts(scores: number[], bad: number[] | null): ScoreCount[] {
  const by = new Map<number, ScoreCount>();
  scores.forEach((s, i) => {
    const c = by.get(s) ?? { score: s, n: 0, bads: 0 };
    c.n++;
    c.bads += bad ? bad[i] : 0;
    by.set(s, c);
  });
  return [...by.values()].sort((a, b) => a.score - b.score);
}

/** Band k (0-based) of sorted position p among n: floor(k n / bands) <= p < floor((k + 1) n / bands). */
export const bandOfPosition = (p: number, n: number, bands = 10) => Math.floor(((p + 1) * bands - 1) / n);

/** The reliability bands of column-wise data, exactly as `reliability` (features/scoring/calibration.ts) cuts them. */
export function calibrationBands(scores: number[], bad: number[], pd: number[], bands = 10): CalibrationBandInput[] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b);
  const out: CalibrationBandInput[] = [];
  order.forEach((i, p) => {
    const k = bandOfPosition(p, order.length, bands);
    let b = out[out.length - 1];
    if (!b || b.band !== k + 1) out.push((b = { band: k + 1, n: 0, pdSum: 0, bads: 0, minScore: scores[i], maxScore: scores[i] }));
    b.n++;
    b.pdSum += pd[i];
    b.bads += bad[i];
    b.maxScore = scores[i];
  });
  return out;
}

/** The counts of a column-wise snapshot (the in-memory path). */
export function aggregateOf(model: ScoreModel, s: { month: string; scores: number[]; pds: number[]; tiers: Tier[]; bins: number[][]; outcome: { month: string; defaulted: number[] } | null }): MonthAggregate {
  const tiers = emptyTiers();
  for (const t of s.tiers) tiers[t]++;
  const bins = emptyBins(model);
  s.bins.forEach((col, c) => col.forEach((k) => bins[c][k]++));
  const bad = s.outcome?.defaulted ?? null;
  return {
    month: s.month, n: s.scores.length, scores: scoreCounts(s.scores, bad), tiers, bins,
    outcome: s.outcome ? { month: s.outcome.month } : null,
    calibration: bad ? calibrationBands(s.scores, bad, s.pds) : null,
  };
}
