import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { getActiveModel } from "@/features/model/data";

export const GET = apiRoute({ permission: "model:read", summary: "The active scorecard: holdout AUC/KS/Gini, curves, characteristics and points" }, async () => {
  const model = await getActiveModel();
  if (!model) throw notFound("Active score model");
  const { version, scaling, basePoints, train, holdout, characteristics, calibration, validation } = model;
  const { roc, ksCurve, ...holdoutFigures } = holdout;
  return {
    version,
    scaling,
    basePoints,
    train,
    holdout: holdoutFigures,
    // Repeated stratified k-fold CV (mean ± sd) beside the fixed holdout; per-fold runs included.
    cv: validation ? { auc: validation.cv.auc, ks: validation.cv.ks, folds: validation.cv.folds, repeats: validation.cv.repeats, seed: validation.cv.seed, n: validation.cv.n, runs: validation.cv.runs } : null,
    calibration: calibration ? { ...calibration, reliability: validation?.reliability ?? null } : null,
    challenger: validation?.challenger ?? null,
    creditLimitEffect: validation?.creditLimitEffect ?? null,
    curves: { roc, ksCurve },
    characteristics,
  };
});
