/**
 * Shape of features/scoring/model.json, the committed scorecard read by the app, the DB seed, the
 * model page and the API, plus loadModel(). The JSON is imported statically so Next.js bundles it;
 * regenerate it with `npm run model:fit`. The scoring code only does `import type` from here, so
 * the fit script never loads the JSON it is about to rewrite.
 */
import modelJson from "./model.json";
import type { Calibration, Reliability } from "./calibration";
import type { CvReport, MeanSd } from "./cv";
import type { KsPoint, RocPoint } from "./metrics";
import type { Scaling } from "./scaling";

export type { KsPoint, RocPoint, Scaling };

export type ModelBin = {
  /** Plain-English range, e.g. "2 months late or worse", "under 25%". */
  label: string;
  /** lower <= x < upper; null = open-ended. */
  lower: number | null;
  upper: number | null;
  /** ln(share of goods / share of bads) on the training sample: positive = safer than average. */
  woe: number;
  /** Integer points this bin adds to the score. */
  points: number;
  /** Training-sample counts (September 2005 features, October 2005 outcome). */
  count: number;
  bads: number;
  badRate: number;
  /**
   * Adverse reason of this bin when it differs from the characteristic's: a bin on the other side
   * of the safest bin of a learned-shape characteristic (e.g. "little or no use of the line").
   */
  reasonText?: string;
};

export type ModelCharacteristic = {
  name: string;
  /** Stable reason code, e.g. "RC02". */
  code: string;
  description: string;
  /** Shown to analysts/borrowers when this characteristic costs points. */
  reasonText: string;
  /** Shown when it earns more than the training sample's average points (positive reasons). */
  positiveText?: string;
  /** Mean points of this characteristic over the training sample. */
  averagePoints?: number;
  bins: ModelBin[];
  /**
   * WoE fit only: weight of this characteristic's WoE in ln(good:bad odds), positive for every kept
   * characteristic. The boosted additive fit has no single weight (points come per bin).
   */
  coefficient?: number;
  /** Boosted additive fit: "monotone" (points follow the declared direction) or "learned" shape. */
  shape?: "monotone" | "learned";
  /** Information value on the training sample. */
  iv: number;
};

export type MetricsSummary = { n: number; auc: number; ks: number; gini: number; defaultRate: number };

export type HoldoutMetrics = MetricsSummary & {
  /** At most 101 points, (0,0) to (1,1). */
  roc: RocPoint[];
  /** At most 101 points, ascending score: share of bads / goods scoring <= score. */
  ksCurve: KsPoint[];
};

export type ScoreBand = { lower: number; upper: number; count: number; bads: number; badRate: number };
export type Cutoff = { minScore: number; count: number; share: number; bads: number; badRate: number };

/** September 2005 scores of the training sample (IDs 1-24,000) against their October outcome. */
export type ScoreDistribution = {
  month: string;
  n: number;
  /** Score at the 10th, 20th, ..., 90th percentile. */
  deciles: number[];
  /** 25-point bands from 350 to 950 (lower <= score < upper; the last band includes 950). */
  bands: ScoreBand[];
  /** Borrowers with score >= minScore, for minScore = 500, 525, ..., 800. */
  cutoffs: Cutoff[];
};

/** A model compared with the champion on the same folds and holdout. */
export type ChallengerSummary = {
  name: string;
  description: string;
  characteristics: number;
  holdout: MetricsSummary;
  cv: { auc: MeanSd; ks: MeanSd; calibration: CvReport["calibration"] };
  reliability: Reliability;
};

/** Everything `npm run model:fit` measures beyond the fit itself (heavy; never run per request). */
export type Validation = {
  cv: CvReport;
  reliability: { train: Reliability; holdout: Reliability };
  /** The main challenger (gradient boosting); `challengers` lists every one, main first. */
  challenger: ChallengerSummary;
  challengers: ChallengerSummary[];
  /** What leaving the credit limit out costs: the same method with the limit as a candidate. */
  creditLimitEffect: { withLimit: { holdout: MetricsSummary; cv: { auc: MeanSd; ks: MeanSd } }; without: { holdout: MetricsSummary; cv: { auc: MeanSd; ks: MeanSd } } };
};

export type ScoreModel = {
  version: string;
  /** Fixed, data-derived description of the training sample (not a clock time). */
  trainedAt: string;
  scaling: Scaling;
  characteristics: ModelCharacteristic[];
  /**
   * Constant points every borrower gets: round(offset + factor * intercept). The intercept is kept
   * here rather than spread across characteristics so each bin's points show only its own effect.
   * score = clamp(basePoints + sum of bin points, 350, 950).
   */
  basePoints: number;
  /** Intercept of ln(good:bad odds) on the WoE values. */
  intercept: number;
  train: MetricsSummary;
  holdout: HoldoutMetrics;
  scoreDistribution?: ScoreDistribution;
  /** Score -> PD table fitted on the training sample; without it PD follows the scaling formula. */
  calibration?: Calibration;
  validation?: Validation;
};

/** The committed scorecard (features/scoring/model.json). */
export function loadModel(): ScoreModel {
  // JSON imports are typed structurally (numbers widened, literals lost), hence the cast.
  return modelJson as unknown as ScoreModel;
}
