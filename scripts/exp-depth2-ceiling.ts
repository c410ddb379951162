/**
 * Experiment (not part of the app, issue 10 §3): the pairwise ceiling. Boosted trees of depth 2
 * (interactions of two characteristics at most, which is what GA2M tables can hold), on the champion's 24 candidates,
 * same 3 x 5 stratified CV as the model page (seed 20051001, everything fitted on training folds),
 * then the fixed holdout. Run: nice -n 19 npx tsx --conditions=react-server scripts/exp-depth2-ceiling.ts
 * scripts/exp-new-chars.ts imports depth2Ceiling to run it on other candidate lists.
 */
import { pathToFileURL } from "node:url";
import { loadUciCsv } from "@/features/import/csv";
import type { BorrowerRecord } from "@/features/import/types";
import { crossValidate } from "@/features/scoring/cv";
import { summarise } from "@/features/scoring/evaluate";
import { GBM_FEATURES, fitGbmScorer, gbmScores } from "@/features/scoring/gbm-challenger";
import { DEFAULT_FIT } from "@/features/scoring/fit";
import { MAX_MONTH_INDEX } from "@/features/scoring/features";

export function depth2Ceiling(rows: BorrowerRecord[], depth: number, trees: number, features = GBM_FEATURES) {
  const fit = (train: BorrowerRecord[]) => fitGbmScorer(train, { depth, trees }, features);
  const cv = crossValidate(rows, (train, test) => ({ scores: gbmScores(fit(train), test, MAX_MONTH_INDEX, features) }));
  const train = rows.filter((r) => r.id <= DEFAULT_FIT.trainMaxId);
  const hold = rows.filter((r) => r.id > DEFAULT_FIT.trainMaxId);
  const holdout = summarise(gbmScores(fit(train), hold, MAX_MONTH_INDEX, features), hold.map((r) => r.outcome));
  return { cv, holdout };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const depth = Number(process.env.DEPTH ?? 2);
  const trees = Number(process.env.TREES ?? 200);
  const t0 = performance.now();
  const { cv, holdout: h } = depth2Ceiling(loadUciCsv().rows, depth, trees);
  console.log(`depth ${depth} trees ${trees}: CV AUC ${cv.auc.mean} ± ${cv.auc.sd} KS ${cv.ks.mean}; holdout AUC ${h.auc} KS ${h.ks}; ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
