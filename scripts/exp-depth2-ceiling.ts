/**
 * Experiment (not part of the app, issue 10 §3): the pairwise ceiling. Boosted trees of depth 2
 * (interactions of two characteristics at most, which is what GA2M tables can hold), on the champion's 24 candidates,
 * same 3 x 5 stratified CV as the model page (seed 20051001, everything fitted on training folds),
 * then the fixed holdout. Run: nice -n 19 npx tsx --conditions=react-server scripts/exp-depth2-ceiling.ts
 */
import { loadUciCsv } from "@/features/import/csv";
import { crossValidate } from "@/features/scoring/cv";
import { summarise } from "@/features/scoring/evaluate";
import { fitGbmScorer, gbmScores } from "@/features/scoring/gbm-challenger";
import { DEFAULT_FIT } from "@/features/scoring/fit";

const depth = Number(process.env.DEPTH ?? 2);
const trees = Number(process.env.TREES ?? 200);
const { rows } = loadUciCsv();
const t0 = performance.now();
const cv = crossValidate(rows, (train, test) => ({ scores: gbmScores(fitGbmScorer(train, { depth, trees }), test) }));
const train = rows.filter((r) => r.id <= DEFAULT_FIT.trainMaxId);
const hold = rows.filter((r) => r.id > DEFAULT_FIT.trainMaxId);
const h = summarise(gbmScores(fitGbmScorer(train, { depth, trees }), hold), hold.map((r) => r.outcome));
console.log(`depth ${depth} trees ${trees}: CV AUC ${cv.auc.mean} ± ${cv.auc.sd} KS ${cv.ks.mean}; holdout AUC ${h.auc} KS ${h.ks}; ${((performance.now() - t0) / 1000).toFixed(0)} s`);
