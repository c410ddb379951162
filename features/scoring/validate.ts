/**
 * The validation block of model.json, computed by `npm run model:fit` only (about 15 fits per
 * model): repeated stratified k-fold CV of the champion, the challengers and the champion-with-limit
 * on the SAME folds (same seed, same rows), reliability of the calibrated PD on train and holdout.
 *
 * CV runs over all 30,000 borrowers (the protocol of the independent review, so the figures
 * compare); in every fold bins, characteristics, weights and points are chosen on the training
 * folds only. The published model is fitted on IDs 1..trainMaxId and judged on the fixed holdout.
 */
import type { BorrowerRecord } from "@/features/import/types";
import { reliability } from "./calibration";
import { crossValidate, DEFAULT_CV, type CvOptions } from "./cv";
import { scoresAsOf, summarise } from "./evaluate";
import { CREDIT_LIMIT, FEATURES, V3_FEATURES, type FeatureDef } from "./features";
import { fitOptions, fitPoints, type FitOptions } from "./fit";
import { fitGbmScorer, gbmPd, gbmScores, GBM_FEATURES } from "./gbm-challenger";
import { DEFAULT_GBM } from "./gbm";
import type { ChallengerSummary, ScoreModel, Validation } from "./model-types";
import { pdForScore } from "./scorecard";

/** The v2 champion's method and characteristics (WoE -> logistic), kept as the challenger it replaced. */
export const CHALLENGER_FIT: Partial<FitOptions> = {
  method: "woe",
  features: FEATURES,
  version: "challenger-woe-v2",
};

function cvOf(rows: BorrowerRecord[], partial: Partial<FitOptions>, cv: CvOptions) {
  const o = fitOptions(partial);
  return crossValidate(
    rows,
    (train, test) => {
      const m = fitPoints(train, o);
      const scores = scoresAsOf(m, test, o.asOfIndex, o.features);
      return { scores, pds: scores.map((s) => pdForScore(m, s)) };
    },
    cv,
  );
}

function holdoutOf(model: ScoreModel, rows: BorrowerRecord[], o: FitOptions) {
  const hold = rows.filter((r) => r.id > o.trainMaxId);
  const scores = scoresAsOf(model, hold, o.asOfIndex, o.features);
  const bad = hold.map((r) => r.outcome);
  return { summary: summarise(scores, bad), rel: reliability(scores, bad, scores.map((s) => pdForScore(model, s))) };
}

/** The gradient-boosting challenger: fitted on the training IDs, CV on the same folds. */
function gbmChallenger(rows: BorrowerRecord[], train: BorrowerRecord[], trainMaxId: number, cv: CvOptions): ChallengerSummary {
  const m = fitGbmScorer(train);
  const hold = rows.filter((r) => r.id > trainMaxId);
  const scores = gbmScores(m, hold);
  const bad = hold.map((r) => r.outcome);
  const c = crossValidate(
    rows,
    (tr, te) => {
      const f = fitGbmScorer(tr);
      const sc = gbmScores(f, te);
      return { scores: sc, pds: sc.map((x) => gbmPd(f, x)) };
    },
    cv,
  );
  return {
    name: "Gradient boosting",
    description:
      `${DEFAULT_GBM.trees} depth-${DEFAULT_GBM.depth} trees (learning rate ${DEFAULT_GBM.learningRate}, ${DEFAULT_GBM.bins} quantile bins, ` +
      `leaves of at least ${DEFAULT_GBM.minLeaf}) on the same ${GBM_FEATURES.length} characteristics, same score scale and isotonic PD table; ` +
      "deterministic, but no points, so no reason codes",
    characteristics: GBM_FEATURES.length,
    holdout: summarise(scores, bad),
    cv: { auc: c.auc, ks: c.ks, calibration: c.calibration },
    reliability: reliability(scores, bad, scores.map((x) => gbmPd(m, x))),
  };
}

export function validateModel(model: ScoreModel, rows: BorrowerRecord[], cv: CvOptions = DEFAULT_CV, features: FeatureDef[] = V3_FEATURES): Validation {
  const o = fitOptions({ features });
  const train = rows.filter((r) => r.id <= o.trainMaxId);
  const trainScores = scoresAsOf(model, train, o.asOfIndex, features);
  const champion = cvOf(rows, { features }, cv);

  const chOpts = fitOptions(CHALLENGER_FIT);
  const challenger = fitPoints(train, chOpts);
  const chHold = holdoutOf(challenger, rows, chOpts);
  const chCv = cvOf(rows, CHALLENGER_FIT, cv);

  const limOpts = fitOptions({ features: [...features, CREDIT_LIMIT] });
  const withLimit = fitPoints(train, limOpts);
  const limCv = cvOf(rows, limOpts, cv);

  const hold = holdoutOf(model, rows, o);
  const woeV2: ChallengerSummary = {
    name: "WoE scorecard (v2)",
    description:
      `The previous champion: ${chOpts.features.length} candidate characteristics, ChiMerge monotone bins (4 % minimum, up to 6), ` +
      "WoE -> logistic regression -> points; same scale and isotonic PD table",
    characteristics: challenger.characteristics.length,
    holdout: chHold.summary,
    cv: { auc: chCv.auc, ks: chCv.ks, calibration: chCv.calibration },
    reliability: chHold.rel,
  };
  const gbm = gbmChallenger(rows, train, o.trainMaxId, cv);
  return {
    cv: champion,
    reliability: {
      train: reliability(trainScores, train.map((r) => r.outcome), trainScores.map((s) => pdForScore(model, s))),
      holdout: hold.rel,
    },
    challenger: gbm,
    challengers: [gbm, woeV2],
    creditLimitEffect: {
      withLimit: { holdout: holdoutOf(withLimit, rows, limOpts).summary, cv: { auc: limCv.auc, ks: limCv.ks } },
      without: { holdout: hold.summary, cv: { auc: champion.auc, ks: champion.ks } },
    },
  };
}

