/**
 * Performance of a finished model, computed by scoring borrowers exactly as the app does (integer
 * points, clamped score), so the reported AUC/KS are those of the published scores.
 */
import type { BorrowerRecord } from "@/features/import/types";
import { MONTHS } from "@/features/import/types";
import type { FeatureDef } from "./features";
import { auc, gini, ks, ksCurve, rocCurve } from "./metrics";
import type { Cutoff, HoldoutMetrics, MetricsSummary, ScoreBand, ScoreDistribution, ScoreModel } from "./model-types";
import { r6 } from "./round";
import { pointsAsOf, scoreFromPoints } from "./scorecard";

export const CUTOFF_SCORES = Array.from({ length: 13 }, (_, i) => 500 + 25 * i);
const BAND_WIDTH = 25;

export function scoresAsOf(model: ScoreModel, rows: BorrowerRecord[], monthIndex: number, features?: FeatureDef[]): number[] {
  return rows.map((b) => scoreFromPoints(model, pointsAsOf(model, b, monthIndex, features)));
}

export function summarise(scores: number[], bad: number[]): MetricsSummary {
  const risk = scores.map((s) => -s); // higher score = safer, metrics want higher = riskier
  const a = auc(risk, bad);
  return {
    n: scores.length,
    auc: r6(a),
    ks: r6(ks(risk, bad)),
    gini: r6(gini(a)),
    defaultRate: r6(bad.reduce((s, v) => s + v, 0) / bad.length),
  };
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

export function distribution(model: ScoreModel, scores: number[], bad: number[], month: string): ScoreDistribution {
  const sorted = [...scores].sort((a, b) => a - b);
  const { min, max } = model.scaling;
  const bands: ScoreBand[] = [];
  for (let lower = min; lower < max; lower += BAND_WIDTH) {
    const upper = lower + BAND_WIDTH;
    const inBand = (s: number) => s >= lower && (s < upper || (upper >= max && s <= max));
    const idx = scores.flatMap((s, i) => (inBand(s) ? [i] : []));
    const bads = idx.reduce((t, i) => t + bad[i], 0);
    bands.push({ lower, upper, count: idx.length, bads, badRate: idx.length ? r6(bads / idx.length) : 0 });
  }
  const cutoffs: Cutoff[] = CUTOFF_SCORES.map((minScore) => {
    const idx = scores.flatMap((s, i) => (s >= minScore ? [i] : []));
    const bads = idx.reduce((t, i) => t + bad[i], 0);
    return {
      minScore,
      count: idx.length,
      share: r6(idx.length / scores.length),
      bads,
      badRate: idx.length ? r6(bads / idx.length) : 0,
    };
  });
  return {
    month,
    n: scores.length,
    deciles: Array.from({ length: 9 }, (_, i) => percentile(sorted, (i + 1) / 10)),
    bands,
    cutoffs,
  };
}

export function evaluate(
  model: ScoreModel,
  train: BorrowerRecord[],
  holdout: BorrowerRecord[],
  all: BorrowerRecord[],
  monthIndex: number,
  features?: FeatureDef[],
): { train: MetricsSummary; holdout: HoldoutMetrics; scoreDistribution: ScoreDistribution } {
  const trainBad = train.map((r) => r.outcome);
  const holdBad = holdout.map((r) => r.outcome);
  const holdScores = scoresAsOf(model, holdout, monthIndex, features);
  const round = <T extends Record<string, number>>(o: T) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, r6(v)])) as T;
  return {
    train: summarise(scoresAsOf(model, train, monthIndex, features), trainBad),
    holdout: {
      ...summarise(holdScores, holdBad),
      roc: rocCurve(holdScores.map((s) => -s), holdBad).map(round),
      ksCurve: ksCurve(holdScores, holdBad).map(round),
    },
    scoreDistribution: distribution(
      model,
      scoresAsOf(model, all, monthIndex, features),
      all.map((r) => r.outcome),
      MONTHS[monthIndex],
    ),
  };
}
