/**
 * Experiment (not part of the app): which score -> PD table to publish, judged on 5 stratified
 * folds of the TRAINING sample only (IDs 1-24,000, seed 20051001), then, for the record, on the
 * fixed holdout. Methods: the isotonic table on in-sample scores with several block minimums, the
 * same with PD interpolated between block mean scores, Platt (logistic on the score), and the
 * isotonic table on out-of-fold ("cross-fitted") training scores. Prints the README table rows.
 * Run: nice -n 19 npx tsx --conditions=react-server scripts/exp-calibration.ts
 */
import { loadUciCsv } from "@/features/import/csv";
import { calibratedPd, fitCalibration, reliability, type Calibration } from "@/features/scoring/calibration";
import { mulberry32, stratifiedFolds } from "@/features/scoring/cv";
import { scoresAsOf } from "@/features/scoring/evaluate";
import { fitPoints, fitScorecard } from "@/features/scoring/fit";
import { fitLogistic, sigmoid } from "@/features/scoring/logistic";
import { makeScaling } from "@/features/scoring/scaling";

type Pd = (s: number) => number;
const sc = makeScaling();
const pct = (x: number) => (x * 100).toFixed(2);

function interpolated(cal: Calibration, scores: number[]): Pd {
  const pts = cal.table.map((b) => {
    const inBlock = scores.filter((s) => s >= b.from && s <= b.to);
    return { x: inBlock.reduce((t, s) => t + s, 0) / Math.max(1, inBlock.length), y: b.pd };
  });
  return (s) => {
    if (s <= pts[0].x) return pts[0].y;
    for (let k = 1; k < pts.length; k++) {
      if (s <= pts[k].x) return pts[k - 1].y + ((s - pts[k - 1].x) / (pts[k].x - pts[k - 1].x)) * (pts[k].y - pts[k - 1].y);
    }
    return pts[pts.length - 1].y;
  };
}

function platt(scores: number[], y: number[]): Pd {
  const f = fitLogistic(scores.map((s) => [(s - 650) / 100]), y, { l2: 1e-6 });
  return (s) => sigmoid(f.intercept + f.coefficients[0] * ((s - 650) / 100));
}

const BLOCKS = [200, 300, 500, 750, 1000, 1500, 2000];
const methods: Array<{ name: string; make: (s: number[], y: number[]) => Pd }> = [
  ...BLOCKS.map((mb) => ({ name: `isotonic, blocks >= ${mb}`, make: (s: number[], y: number[]) => ((c: Calibration) => (x: number) => calibratedPd(c, x))(fitCalibration(s, y, sc, mb)) })),
  ...[300, 1000].map((mb) => ({ name: `isotonic ${mb}, interpolated`, make: (s: number[], y: number[]) => interpolated(fitCalibration(s, y, sc, mb), s) })),
  { name: "Platt (logistic on score)", make: platt },
];

const { rows } = loadUciCsv();
const train = rows.filter((r) => r.id <= 24000);
const hold = rows.filter((r) => r.id > 24000);
const yTr = train.map((r) => r.outcome);
const yH = hold.map((r) => r.outcome);
const fold = stratifiedFolds(yTr, 5, mulberry32(20051001));
const oof = new Array<number>(train.length).fill(0);
const cv = methods.map(() => ({ mean: 0, worst: 0 }));
for (let f = 0; f < 5; f++) {
  const tr = train.filter((_, i) => fold[i] !== f);
  const te = train.filter((_, i) => fold[i] === f);
  const m = fitPoints(tr);
  const sIn = scoresAsOf(m, tr, 5);
  const sTe = scoresAsOf(m, te, 5);
  let k = 0;
  train.forEach((_, i) => fold[i] === f && (oof[i] = sTe[k++]));
  methods.forEach((meth, j) => {
    const pd = meth.make(sIn, tr.map((r) => r.outcome));
    const rel = reliability(sTe, te.map((r) => r.outcome), sTe.map(pd));
    cv[j].mean += rel.meanAbsError / 5;
    cv[j].worst += rel.worstAbsError / 5;
  });
}
const model = fitScorecard(rows);
const sTrain = scoresAsOf(model, train, 5);
const sHold = scoresAsOf(model, hold, 5);
const row = (name: string, cvCell: string, pd: Pd) => {
  const r = reliability(sHold, yH, sHold.map(pd));
  console.log(`| ${name} | ${cvCell} | ${pct(r.meanAbsError)} / ${pct(r.worstAbsError)} pp | ${r.hosmerLemeshow.p.toPrecision(2)} |`);
  return r;
};
console.log("| PD table | training folds: mean / worst | holdout: mean / worst | holdout HL p |\n| --- | --- | --- | --- |");
methods.forEach((meth, j) => row(meth.name, `${pct(cv[j].mean)} / ${pct(cv[j].worst)} pp`, meth.make(sTrain, yTr)));
for (const mb of [300, 1000]) {
  const c = fitCalibration(oof, yTr, sc, mb);
  row(`isotonic ${mb} on out-of-fold training scores`, "(needs nested folds)", (x) => calibratedPd(c, x));
}
const ref = reliability(sHold, yH, sHold.map((s) => calibratedPd(model.calibration!, s)));
console.log(`\nholdout bands of the published table (blocks >= ${model.calibration!.minBlock}):`);
for (const b of ref.bands) console.log(`  ${b.band} ${b.minScore}-${b.maxScore} PD ${pct(b.predicted)} observed ${pct(b.observed)} error ${pct(b.error)}`);
const rate = (y: number[]) => y.reduce((s, v) => s + v, 0) / y.length;
console.log(`default rate: holdout ${pct(rate(yH))} %, training ${pct(rate(yTr))} %`);
// Sampling noise alone: outcomes drawn from the published PDs themselves (a perfectly calibrated model).
const rand = mulberry32(1);
const pds = sHold.map((s) => calibratedPd(model.calibration!, s));
let noise = 0;
for (let t = 0; t < 200; t++) noise += reliability(sHold, pds.map((p) => (rand() < p ? 1 : 0)), pds).meanAbsError / 200;
console.log(`mean |error| of a perfectly calibrated PD on 6,000 borrowers (200 draws): ${pct(noise)} pp`);
