/**
 * The gradient-boosting challenger as a scoring method: characteristics -> boosted trees ->
 * ln(odds) -> the same score scale (integer, clamped) -> the same isotonic PD table, so its AUC,
 * KS and calibration compare like for like with the scorecard's.
 */
import type { BorrowerRecord } from "@/features/import/types";
import { calibratedPd, fitCalibration, type Calibration } from "./calibration";
import { MAX_MONTH_INDEX, V3_FEATURES, extractFeatures, type FeatureDef } from "./features";
import { fitGbm, gbmLogOddsBad, type Gbm, type GbmOptions } from "./gbm";
import { clampScore, makeScaling, scoreFromLogOdds } from "./scaling";

/** The champion's candidates: the trees see exactly what the points scorecard may use. */
export const GBM_FEATURES: FeatureDef[] = V3_FEATURES;
const scaling = makeScaling();

export type GbmScorer = { gbm: Gbm; calibration: Calibration };

// `features` other than GBM_FEATURES only for experiments (scripts/exp-new-chars.ts); a scorer must
// be scored with the list it was fitted on.
export function gbmScores(m: Pick<GbmScorer, "gbm">, rows: BorrowerRecord[], monthIndex = MAX_MONTH_INDEX, features = GBM_FEATURES): number[] {
  return rows.map((b) => clampScore(Math.round(scoreFromLogOdds(-gbmLogOddsBad(m.gbm, extractFeatures(b, monthIndex, features)), scaling)), scaling));
}

export function fitGbmScorer(train: BorrowerRecord[], opts: Partial<GbmOptions> = {}, features = GBM_FEATURES): GbmScorer {
  const X = train.map((b) => extractFeatures(b, MAX_MONTH_INDEX, features));
  const y = train.map((b) => b.outcome);
  const gbm = fitGbm(X, y, opts);
  const scores = gbmScores({ gbm }, train, MAX_MONTH_INDEX, features);
  return { gbm, calibration: fitCalibration(scores, y, scaling) };
}

export const gbmPd = (m: GbmScorer, score: number) => calibratedPd(m.calibration, score);
