/**
 * Apply a fitted scorecard: characteristics as of a month -> bin -> integer points -> score,
 * PD (derived from the integer score) and reason codes. A compiled form of each model is cached
 * so scoring a whole portfolio only does a binary search per characteristic.
 */
import type { BorrowerRecord } from "@/features/import/types";
import { MONTHS } from "@/features/import/types";
import { binIndex } from "./binning";
import { calibratedPd } from "./calibration";
import { ALL_FEATURES, assertMonthIndex, featureByName, type FeatureDef } from "./features";
import type { ScoreModel } from "./model-types";
import { bestPoints, reasonCodes, type ReasonCode } from "./reason-codes";
import { clampScore, pdFromScore } from "./scaling";

export type ScoredMonth = {
  month: string;
  score: number;
  pd: number;
  reasonCodes: ReasonCode[];
  /** Points per characteristic name. */
  points: Record<string, number>;
};

export type ScoredBorrower = { id: number; months: ScoredMonth[] };

/** June..September 2005: the months with a full 3-month window. */
export const SCORED_MONTH_INDEXES = [2, 3, 4, 5];

type Compiled = { defs: FeatureDef[]; cuts: number[][]; points: number[][]; best: number[] };
// Keyed by model, then by feature registry (the fit can be run with a custom candidate list).
const cache = new WeakMap<ScoreModel, WeakMap<FeatureDef[], Compiled>>();

function compile(model: ScoreModel, features: FeatureDef[] = ALL_FEATURES): Compiled {
  let byRegistry = cache.get(model);
  if (!byRegistry) cache.set(model, (byRegistry = new WeakMap()));
  const hit = byRegistry.get(features);
  if (hit) return hit;
  const c: Compiled = {
    defs: model.characteristics.map((ch) => featureByName(ch.name, features)),
    // Bins are contiguous and ascending, so each bin's lower bound (after the first) is a cut.
    cuts: model.characteristics.map((ch) => ch.bins.slice(1).map((b) => b.lower as number)),
    points: model.characteristics.map((ch) => ch.bins.map((b) => b.points)),
    best: bestPoints(model),
  };
  byRegistry.set(features, c);
  return c;
}

/** Integer points per characteristic (model order) for a borrower as of a month. */
export function pointsAsOf(
  model: ScoreModel,
  b: BorrowerRecord,
  monthIndex: number,
  features: FeatureDef[] = ALL_FEATURES,
): number[] {
  assertMonthIndex(monthIndex);
  const c = compile(model, features);
  const hist = b.months.slice(0, monthIndex + 1); // never look past the as-of month
  return c.defs.map((d, i) => c.points[i][binIndex(c.cuts[i], d.compute(hist, b.limit))]);
}

/** Bin index per characteristic (model order) as of a month: what CSI counts. */
export function binsAsOf(model: ScoreModel, b: BorrowerRecord, monthIndex: number, features: FeatureDef[] = ALL_FEATURES): number[] {
  assertMonthIndex(monthIndex);
  const c = compile(model, features);
  const hist = b.months.slice(0, monthIndex + 1);
  return c.defs.map((d, i) => binIndex(c.cuts[i], d.compute(hist, b.limit)));
}

export function scoreFromPoints(model: ScoreModel, pts: number[]): number {
  return clampScore(model.basePoints + pts.reduce((s, p) => s + p, 0), model.scaling);
}

/** PD for an integer score; the same score always gives the same PD. */
const pdCache = new WeakMap<ScoreModel, Map<number, number>>();
export function pdForScore(model: ScoreModel, score: number): number {
  let byScore = pdCache.get(model);
  if (!byScore) pdCache.set(model, (byScore = new Map()));
  let pd = byScore.get(score);
  if (pd === undefined) {
    // The calibrated table when the model has one (fitted on training outcomes), else the scaling.
    pd = model.calibration ? calibratedPd(model.calibration, score) : Number(pdFromScore(score, model.scaling).toFixed(6));
    byScore.set(score, pd);
  }
  return pd;
}

export function scoreAsOf(model: ScoreModel, b: BorrowerRecord, monthIndex: number): ScoredMonth {
  return scoreOfBins(model, binsAsOf(model, b, monthIndex), monthIndex);
}

/** The score of a borrower whose bins (binsAsOf) are known: callers that also count bins compute them once. */
export function scoreOfBins(model: ScoreModel, bins: number[], monthIndex: number): ScoredMonth {
  const c = compile(model);
  const pts = bins.map((k, i) => c.points[i][k]);
  const score = scoreFromPoints(model, pts);
  const points: Record<string, number> = {};
  model.characteristics.forEach((ch, i) => (points[ch.name] = pts[i]));
  return {
    month: MONTHS[monthIndex],
    score,
    pd: pdForScore(model, score),
    reasonCodes: reasonCodes(model, pts, c.best, Infinity, bins),
    points,
  };
}

export function scorePortfolio(
  model: ScoreModel,
  rows: BorrowerRecord[],
  monthIndexes: number[] = SCORED_MONTH_INDEXES,
): ScoredBorrower[] {
  return rows.map((b) => ({ id: b.id, months: monthIndexes.map((m) => scoreAsOf(model, b, m)) }));
}
