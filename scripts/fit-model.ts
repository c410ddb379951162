/**
 * npm run model:fit — fit the scorecard on the UCI CSV and write features/scoring/model.json.
 * Deterministic: running it twice writes byte-identical files. Prints train/holdout metrics and
 * the September score distribution / cut-off table used to choose risk tiers.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { formatIssues, loadUciCsv } from "@/features/import/csv";
import { MONTHS } from "@/features/import/types";
import { scoresAsOf } from "@/features/scoring/evaluate";
import { fitScorecard, serializeModel } from "@/features/scoring/fit";
import { validateModel } from "@/features/scoring/validate";
import { scorePsi } from "@/features/monitoring/psi";
import { SCORED_MONTH_INDEXES, scorePortfolio } from "@/features/scoring/scorecard";
import { storeCandidate } from "./model-candidate";

const OUT = path.resolve(import.meta.dirname, "../features/scoring/model.json");
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const pad = (s: string | number, n: number) => String(s).padStart(n);

const { rows, issues } = loadUciCsv();
if (issues.length > 0) {
  console.error(`CSV has ${issues.length} issue(s); nothing fitted:\n${formatIssues(issues)}`);
  process.exit(1);
}

const t0fit = performance.now();
const fitted = fitScorecard(rows);
const model = { ...fitted, validation: validateModel(fitted, rows) };
console.log(`Fit + cross-validation in ${((performance.now() - t0fit) / 1000).toFixed(1)} s`);
if (process.argv.includes("--candidate")) {
  // A candidate goes to the database (it becomes active only after a second person approves it); model.json stays.
  const by = process.argv[process.argv.indexOf("--by") + 1];
  await storeCandidate(model, process.argv.includes("--by") ? by : undefined);
  process.exit(process.exitCode ?? 0);
}
writeFileSync(OUT, serializeModel(model));
console.log(`Wrote ${path.relative(process.cwd(), OUT)} (${model.version}, trained on ${model.trainedAt})`);

const { scaling: s } = model;
console.log(
  `\nScaling: score = ${s.offset.toFixed(2)} + ${s.factor.toFixed(4)} * ln(good:bad odds); ` +
    `${s.baseScore} at ${s.baseOdds}:1, PDO ${s.pdo}, clamped to [${s.min}, ${s.max}]; base points ${model.basePoints}`,
);

console.log("\nCharacteristics (code, name, IV, weight; bins: points / train count / bad rate)");
for (const c of model.characteristics) {
  console.log(`  ${c.code} ${c.name}  IV ${c.iv.toFixed(3)}  ${c.coefficient !== undefined ? `weight ${c.coefficient.toFixed(3)}` : `shape ${c.shape}`}  — "${c.reasonText}"`);
  for (const b of c.bins) console.log(`      ${b.label.padEnd(34)} ${pad(b.points, 5)} ${pad(b.count, 7)} ${pad(pct(b.badRate), 8)}`);
}

console.log("\n             n      AUC      KS     Gini  default rate");
for (const [name, m] of [["train", model.train], ["holdout", model.holdout]] as const) {
  console.log(`  ${name.padEnd(8)} ${pad(m.n, 6)}  ${m.auc.toFixed(4)}  ${m.ks.toFixed(4)}  ${m.gini.toFixed(4)}  ${pct(m.defaultRate)}`);
}

const v = model.validation;
const ms = (x: { mean: number; sd: number }) => `${x.mean.toFixed(4)} ± ${x.sd.toFixed(4)}`;
const msPct = (x: { mean: number; sd: number }) => `${pct(x.mean)} ± ${pct(x.sd)}`;
const cvCal = (c: typeof v.cv.calibration) => (c ? `mean ${msPct(c.meanAbsError)}, worst ${msPct(c.worstAbsError)}` : "-");
console.log(`\nCV (${v.cv.repeats} x ${v.cv.folds}-fold stratified, seed ${v.cv.seed}, n ${v.cv.n}): AUC ${ms(v.cv.auc)}  KS ${ms(v.cv.ks)}  PD error (test folds) ${cvCal(v.cv.calibration)}`);
for (const ch of v.challengers) console.log(`Challenger ${ch.name} (${ch.characteristics} chars): holdout AUC ${ch.holdout.auc} KS ${ch.holdout.ks}; CV AUC ${ms(ch.cv.auc)} KS ${ms(ch.cv.ks)} PD error ${cvCal(ch.cv.calibration)}; holdout calibration mean ${pct(ch.reliability.meanAbsError)} worst ${pct(ch.reliability.worstAbsError)}`);
const le = v.creditLimitEffect;
console.log(`Credit limit as a characteristic: with AUC ${le.withLimit.holdout.auc} KS ${le.withLimit.holdout.ks} CV ${ms(le.withLimit.cv.auc)} | without (champion) AUC ${le.without.holdout.auc} KS ${le.without.holdout.ks} CV ${ms(le.without.cv.auc)}`);
for (const [name, rel] of [["train", v.reliability.train], ["holdout", v.reliability.holdout]] as const) {
  console.log(`\nCalibration, ${name}: mean |error| ${pct(rel.meanAbsError)}, worst ${pct(rel.worstAbsError)}, Hosmer-Lemeshow chi2 ${rel.hosmerLemeshow.chi2.toFixed(1)} (df ${rel.hosmerLemeshow.df}) p ${rel.hosmerLemeshow.p}`);
  for (const b of rel.bands) console.log(`  band ${pad(b.band, 2)} ${pad(b.minScore, 4)}-${pad(b.maxScore, 4)} n ${pad(b.n, 5)}  PD ${pad(pct(b.predicted), 7)}  observed ${pad(pct(b.observed), 7)}`);
}
console.log(`PD table (isotonic, blocks >= ${model.calibration!.minBlock}): ${model.calibration!.table.map((b) => `${b.from}-${b.to}: ${pct(b.pd)}`).join(", ")}`);

const byMonth = SCORED_MONTH_INDEXES.map((m) => scoresAsOf(model, rows, m));
console.log(`\nScore PSI (reference-decile bands): Jun→Sep ${scorePsi(byMonth[0], byMonth[3]).value}  Jul→Sep ${scorePsi(byMonth[1], byMonth[3]).value}  Aug→Sep ${scorePsi(byMonth[2], byMonth[3]).value}  Jun→Jul ${scorePsi(byMonth[0], byMonth[1]).value}  Jul→Aug ${scorePsi(byMonth[1], byMonth[2]).value}`);

const dist = model.scoreDistribution!;
console.log(`\nScore deciles, ${dist.month}, ${dist.n} training borrowers (P10..P90): ${dist.deciles.join(", ")}`);
for (const m of SCORED_MONTH_INDEXES) {
  const sc = scoresAsOf(model, rows, m).sort((a, b) => a - b);
  const q = (p: number) => sc[Math.ceil(p * sc.length) - 1];
  console.log(`  ${MONTHS[m]}: min ${sc[0]}  P10 ${q(0.1)}  P50 ${q(0.5)}  P90 ${q(0.9)}  max ${sc[sc.length - 1]}`);
}

const holdout = rows.filter((r) => r.id > 24000);
const holdScores = scoresAsOf(model, holdout, 5);
console.log(`\nCut-offs on ${dist.month} scores vs October default (training sample | holdout only)`);
console.log("  score >=   count   share  default rate |  count  default rate");
for (const c of dist.cutoffs) {
  const idx = holdScores.flatMap((sc, i) => (sc >= c.minScore ? [i] : []));
  const hb = idx.reduce((t, i) => t + holdout[i].outcome, 0);
  const hr = idx.length ? pct(hb / idx.length) : "-";
  console.log(
    `  ${pad(c.minScore, 8)} ${pad(c.count, 7)} ${pad(pct(c.share), 7)} ${pad(pct(c.badRate), 13)} | ${pad(idx.length, 6)} ${pad(hr, 13)}`,
  );
}

const t0 = performance.now();
scorePortfolio(model, rows);
console.log(`\nscorePortfolio: ${rows.length} borrowers x ${SCORED_MONTH_INDEXES.length} months in ${(performance.now() - t0).toFixed(0)} ms`);
