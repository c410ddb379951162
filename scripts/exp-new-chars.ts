/**
 * Experiment (not part of the app, issue 10 §3): do NEW characteristics (features-extra.ts, RC30+)
 * raise (a) the depth-2 tree ceiling and (b) the champion scorecard's CV AUC? Candidates = the
 * champion's 24 (V3_FEATURES) + the extras (EXTRA=name,name to offer only some; SET=old for the 24).
 * MODE=ceiling: exp-depth2-ceiling.ts's depth2Ceiling (DEPTH 2, TREES 200). MODE=fit: the champion
 * method exactly as validate.ts runs it (fitPoints per training fold, published integer scores of
 * the test fold, cv.ts 3 x 5 folds, seed 20051001), then fitScorecard on IDs <= 24000 for the
 * holdout; prints which characteristics the fit kept (all folds and the fixed split).
 * Measured (2 Dec 2026, 3 x 5, load 7-12 on 2 cores): champion 24 -> 0.7738 ± 0.0069 (model.json);
 * + RC30-RC42 -> 0.7763 ± 0.0065 (holdout 0.7926); + RC30-RC45 -> 0.7762 ± 0.0067 (0.7907);
 * + RC37,RC39-RC42 only -> 0.7756 ± 0.0067 (0.7944). Depth-2 ceiling 0.7814 -> 0.7817 ± 0.0062 with
 * RC30-RC42: the extras re-express pairs the trees already find (status x previous status, status x
 * payment), they add no new information. Target 0.78 not reached.
 * Run: MODE=fit nice -n 10 npx tsx --conditions=react-server scripts/exp-new-chars.ts
 */
import { loadUciCsv } from "@/features/import/csv";
import { crossValidate } from "@/features/scoring/cv";
import { scoresAsOf } from "@/features/scoring/evaluate";
import { V3_FEATURES } from "@/features/scoring/features";
import { EXTRA_FEATURES } from "@/features/scoring/features-extra";
import { fitOptions, fitPoints, fitScorecard } from "@/features/scoring/fit";
import { depth2Ceiling } from "./exp-depth2-ceiling";

const MODE = process.env.MODE ?? "fit";
const pick = process.env.EXTRA?.split(",");
const extras = process.env.SET === "old" ? [] : EXTRA_FEATURES.filter((f) => !pick || pick.includes(f.name));
const features = [...V3_FEATURES, ...extras];
const { rows } = loadUciCsv();
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(0);
const label = `${V3_FEATURES.length} + ${extras.length} extra (${extras.map((f) => f.code).join(",") || "none"})`;

if (MODE === "ceiling") {
  const { cv, holdout: h } = depth2Ceiling(rows, Number(process.env.DEPTH ?? 2), Number(process.env.TREES ?? 200), features);
  console.log(`ceiling ${label}: CV AUC ${cv.auc.mean} ± ${cv.auc.sd} KS ${cv.ks.mean}; holdout AUC ${h.auc} KS ${h.ks}; ${secs()} s`);
} else {
  const o = fitOptions({ features });
  const kept = new Map<string, number>();
  const cv = crossValidate(rows, (train, test) => {
    const m = fitPoints(train, o);
    for (const c of m.characteristics) kept.set(c.code, (kept.get(c.code) ?? 0) + 1);
    return { scores: scoresAsOf(m, test, o.asOfIndex, features) };
  });
  const model = fitScorecard(rows, o);
  const extraCodes = new Set(extras.map((f) => f.code));
  console.log(`fit ${label}: CV AUC ${cv.auc.mean} ± ${cv.auc.sd} KS ${cv.ks.mean} ± ${cv.ks.sd}; holdout AUC ${model.holdout.auc} KS ${model.holdout.ks}; ${secs()} s`);
  console.log(`  kept in the fixed-split fit (${model.characteristics.length}): ${model.characteristics.map((c) => `${c.code}${extraCodes.has(c.code) ? "*" : ""}`).join(" ")}`);
  console.log(`  extras kept in CV folds (of ${cv.runs.length}): ${[...extraCodes].map((c) => `${c} ${kept.get(c) ?? 0}`).join(", ")}`);
  for (const c of model.characteristics.filter((c) => extraCodes.has(c.code))) console.log(`  ${c.code} ${c.name} IV ${c.iv} points ${c.bins.map((b) => `${b.label}: ${b.points}`).join(" | ")}`);
}
