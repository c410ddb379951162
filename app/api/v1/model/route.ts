import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { getActiveModel } from "@/features/model/data";

export const GET = apiRoute({ permission: "model:read", summary: "The active scorecard: holdout AUC/KS/Gini, curves, characteristics and points" }, async () => {
  const model = await getActiveModel();
  if (!model) throw notFound("Active score model");
  const { version, scaling, basePoints, train, holdout, characteristics } = model;
  const { roc, ksCurve, ...holdoutFigures } = holdout;
  return { version, scaling, basePoints, train, holdout: holdoutFigures, curves: { roc, ksCurve }, characteristics };
});
