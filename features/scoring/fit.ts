/**
 * The whole scorecard fit: September 2005 characteristics of the training IDs against their
 * October 2005 outcome -> integer points per bin, by one of two methods:
 * - "additive" (v3 champion, ./fit-additive.ts): fine bins -> boosted additive stumps -> points;
 * - "woe" (v2, kept as the challenger): ChiMerge bins -> WoE -> logistic regression on WoE ->
 *   points; characteristics with low information value, or whose WoE weight comes out with the
 *   wrong sign (collinearity), are dropped so every bin's points follow its evidence.
 */
import { MONTHS, type BorrowerRecord } from "@/features/import/types";
import { binIndex, chiMergeCuts, countBins, type BinningOptions } from "./binning";
import { MAX_MONTH_INDEX, V3_FEATURES, type FeatureDef } from "./features";
import { DEFAULT_ADDITIVE_FIT, fitAdditivePoints, type AdditiveFitOptions } from "./fit-additive";
import { binLabel, roundCut } from "./labels";
import { fitLogistic } from "./logistic";
import type { ModelCharacteristic, ScoreModel } from "./model-types";
import { fitCalibration } from "./calibration";
import { evaluate } from "./evaluate";
import { pointsAsOf, scoreFromPoints } from "./scorecard";
import { r6 } from "./round";
import { makeScaling, type Scaling } from "./scaling";
import { woeTable, type WoeBin } from "./woe";

export type FitOptions = {
  method: "additive" | "woe";
  /** Options of the "additive" method. */
  additive: AdditiveFitOptions;
  /** IDs <= trainMaxId train the model; the rest are the holdout. */
  trainMaxId: number;
  /** Month index whose characteristics are fitted against the next month's default. */
  asOfIndex: number;
  features: FeatureDef[];
  /**
   * Characteristics below this information value are not offered to the regression. Set low on
   * purpose: "no card use" is weak alone (IV 0.01) but clearly adds once delays are known.
   */
  minIv: number;
  /** Kept characteristics need at least this WoE weight; weaker ones are redundant noise. */
  minWeight: number;
  l2: number;
  scaling: Scaling;
  binning: Partial<BinningOptions>;
  version: string;
  /** Smallest block of the isotonic score -> PD table (borrowers). */
  calibrationMinBlock: number;
};

export const DEFAULT_FIT: FitOptions = {
  method: "additive",
  additive: DEFAULT_ADDITIVE_FIT,
  trainMaxId: 24000,
  asOfIndex: MAX_MONTH_INDEX,
  features: V3_FEATURES,
  minIv: 0.005,
  minWeight: 0.05,
  l2: 1e-4,
  scaling: makeScaling(),
  // WoE method: 4 % of 24,000 = 960 borrowers per bin at least, so the ~5 % "no card use" group stands alone.
  binning: { minShare: 0.04 },
  version: "scorecard-2005-09-v3",
  calibrationMinBlock: 300,
};

type Candidate = { def: FeatureDef; cuts: number[]; bins: WoeBin[]; iv: number; woeOf: number[] };

function bin(def: FeatureDef, values: number[], bad: number[], opts: FitOptions): Candidate {
  const cuts = chiMergeCuts(values, bad, {
    ...opts.binning,
    monotone: def.otherSideReasonText ? undefined : def.monotone,
    forcedCuts: def.forcedCuts ?? [],
    round: roundCut(def),
  });
  const { bins, iv } = woeTable(countBins(cuts, values, bad));
  // Round WoE now so the regression sees exactly the values stored in model.json.
  const woe = bins.map((b) => r6(b.woe));
  const woeOf = values.map((v) => woe[binIndex(cuts, v)]);
  return { def, cuts, bins: bins.map((b, i) => ({ ...b, woe: woe[i] })), iv, woeOf };
}

/**
 * Regress on WoE; while some weight is wrong-signed or below minWeight, drop the weakest such
 * characteristic and refit, so every kept bin's points follow its evidence.
 */
function selectAndFit(cands: Candidate[], bad: number[], opts: FitOptions) {
  let kept = cands;
  for (;;) {
    const X = bad.map((_, r) => kept.map((c) => c.woeOf[r]));
    const fit = fitLogistic(X, bad, { l2: opts.l2 });
    // The regression models P(bad); WoE is positive for safer bins, so weight = -coefficient.
    const weights = fit.coefficients.map((b) => -b);
    const weakest = weights.reduce((w, v, i) => (v < opts.minWeight && (w < 0 || v < weights[w]) ? i : w), -1);
    if (weakest < 0) return { kept, intercept: -fit.intercept, weights };
    kept = kept.filter((_, i) => i !== weakest);
  }
}

/** The v2 method: ChiMerge bins -> WoE -> logistic regression -> points = factor x weight x WoE. */
function woePoints(opts: FitOptions, cols: number[][], bad: number[]) {
  const cands = opts.features.map((def, j) => bin(def, cols[j], bad, opts)).filter((c) => c.iv >= opts.minIv);
  const { kept, intercept, weights } = selectAndFit(cands, bad, opts);
  const { factor, offset } = opts.scaling;
  const characteristics: ModelCharacteristic[] = kept.map((c, i) => ({
    name: c.def.name,
    code: c.def.code,
    description: c.def.description,
    reasonText: c.def.reasonText,
    positiveText: c.def.positiveText,
    bins: c.bins.map((b, k) => {
      const lower = k === 0 ? null : c.cuts[k - 1];
      const upper = k === c.cuts.length ? null : c.cuts[k];
      return {
        label: binLabel(c.def, lower, upper),
        // Cuts are stored exactly, never rounded: a share such as 1/6 IS a cut, and r6(1/6) = 0.166667
        // would put every borrower at exactly 1/6 in the bin below (scoring compares x >= lower).
        lower,
        upper,
        woe: b.woe,
        points: Math.round(factor * weights[i] * b.woe) + 0, // + 0 turns -0 into 0
        count: b.count,
        bads: b.bads,
        badRate: r6(b.badRate),
      };
    }),
    coefficient: r6(weights[i]),
    iv: r6(c.iv),
  }));
  return { characteristics, intercept: r6(intercept), basePoints: Math.round(offset + factor * intercept) };
}

export function fitOptions(partial: Partial<FitOptions> = {}): FitOptions {
  // Ignore explicitly-undefined overrides so they fall back to the defaults.
  const given = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_FIT, ...given };
}

/**
 * Bins, selection, regression and points on `train` only (no metrics): what cross-validation
 * repeats per fold.
 */
export function fitPoints(train: BorrowerRecord[], partial: Partial<FitOptions> = {}): ScoreModel {
  const opts = fitOptions(partial);
  const bad = train.map((r) => r.outcome);
  const hist = train.map((r) => r.months.slice(0, opts.asOfIndex + 1));

  const cols = opts.features.map((def) => hist.map((h, i) => def.compute(h, train[i].limit)));
  const { factor, offset } = opts.scaling;
  const fitted = opts.method === "additive" ? fitAdditivePoints(opts.features, cols, bad, opts.additive, opts.scaling) : woePoints(opts, cols, bad);

  const model: ScoreModel = {
    version: opts.version,
    trainedAt: `${MONTHS[opts.asOfIndex]} (IDs 1–${opts.trainMaxId})`,
    scaling: { ...opts.scaling, factor: r6(factor), offset: r6(offset) },
    characteristics: fitted.characteristics,
    basePoints: fitted.basePoints,
    intercept: fitted.intercept,
    train: { n: 0, auc: 0, ks: 0, gini: 0, defaultRate: 0 },
    holdout: { n: 0, auc: 0, ks: 0, gini: 0, defaultRate: 0, roc: [], ksCurve: [] },
  };
  // Average points per characteristic on the training sample: the yardstick of positive reasons.
  const totals = model.characteristics.map(() => 0);
  const scores = train.map((b) => {
    const pts = pointsAsOf(model, b, opts.asOfIndex, opts.features);
    pts.forEach((p, i) => (totals[i] += p));
    return scoreFromPoints(model, pts);
  });
  model.characteristics.forEach((ch, i) => (ch.averagePoints = Number((totals[i] / train.length).toFixed(2))));
  model.calibration = fitCalibration(scores, bad, opts.scaling, opts.calibrationMinBlock);
  return model;
}

export function fitScorecard(rows: BorrowerRecord[], partial: Partial<FitOptions> = {}): ScoreModel {
  const opts = fitOptions(partial);
  const train = rows.filter((r) => r.id <= opts.trainMaxId);
  const holdout = rows.filter((r) => r.id > opts.trainMaxId);
  const model = fitPoints(train, opts);
  // Metrics come from applying the finished (rounded, integer-point) model, exactly as the app will.
  // The score distribution and cut-off table use the training sample only: tier cut-offs are chosen on it.
  return { ...model, ...evaluate(model, train, holdout, train, opts.asOfIndex, opts.features) };
}

/** model.json text: 2-space JSON in construction order (stable keys), numbers already rounded. */
export function serializeModel(model: ScoreModel): string {
  return JSON.stringify(model, null, 2) + "\n";
}
