/**
 * Experiment (issue 10 §3): how many pair tables does the depth-2 ceiling need? Per fold, on the
 * training rows only: the depth-2 boosted trees of exp-depth2-ceiling.ts (200 trees), rewritten
 * EXACTLY as main tables + pair tables over the trees' quantile bins (a depth-2 tree is a sum of
 * products of two indicators); each pair table purified (its row and column means moved into the
 * main tables, weighted by training counts); then only the K pairs with the largest pure
 * interaction variance kept. Integer points, clamped score, same 3 x 5 folds as cv.ts.
 * Main tables are free-shaped here (a diagnostic, not a product design).
 * Measured (3 x 5): all ~125 pairs 0.7813 (the ceiling, now as integer points), top 24 0.7802,
 * top 12 0.7790, top 8 0.7784, mains only 0.7760: the ceiling's lead is spread over a hundred pairs.
 * Run: KLIST=0,8,16,999 nice -n 10 npx tsx --conditions=react-server scripts/exp-ga2m-distill.ts
 */
import { loadUciCsv } from "@/features/import/csv";
import { DEFAULT_CV, meanSd, mulberry32, stratifiedFolds } from "@/features/scoring/cv";
import { summarise } from "@/features/scoring/evaluate";
import { DEFAULT_FIT } from "@/features/scoring/fit";
import { extractFeatures, V3_FEATURES } from "@/features/scoring/features";
import { fitGbm } from "@/features/scoring/gbm";
import { binIndex } from "@/features/scoring/binning";
import { clampScore, makeScaling } from "@/features/scoring/scaling";

const KLIST = (process.env.KLIST ?? "0,4,8,12,16,999").split(",").map(Number);
const REPEATS = Number(process.env.REPEATS ?? DEFAULT_CV.repeats);
const scaling = makeScaling();
const { rows } = loadUciCsv();
const X = rows.map((b) => extractFeatures(b, DEFAULT_FIT.asOfIndex, V3_FEATURES));
const y = rows.map((r) => r.outcome);
const p = V3_FEATURES.length;

type N = { feature: number; bin: number; left: N | number; right: N | number } | number;

function run(tr: number[], te: number[]) {
  const gbm = fitGbm(tr.map((i) => X[i]), tr.map((i) => y[i]), { depth: 2, trees: 200 });
  const nb = gbm.cuts.map((c) => c.length + 1);
  // Training bins; cut semantics: value < cut  <=>  bin <= split bin, as gbm.ts (binIndex: x >= cut goes up).
  const B = gbm.cuts.map((c, f) => tr.map((i) => binIndex(c, X[i][f])));
  const main = nb.map((k) => new Float64Array(k));
  const pairs = new Map<number, Float64Array>(); // key a * p + b, a < b, cells [x_a * nb[b] + x_b]
  const lr = gbm.learningRate;
  const addPair = (a: number, sa: (x: number) => boolean, b: number, val: (z: number) => number) => {
    if (a === b) {
      for (let x = 0; x < nb[a]; x++) if (sa(x)) main[a][x] += val(x);
      return;
    }
    const [u, v] = a < b ? [a, b] : [b, a];
    const t = pairs.get(u * p + v) ?? new Float64Array(nb[u] * nb[v]);
    pairs.set(u * p + v, t);
    for (let x = 0; x < nb[a]; x++) if (sa(x)) for (let z = 0; z < nb[b]; z++) t[a === u ? x * nb[v] + z : z * nb[v] + x] += val(z);
  };
  for (const tree of gbm.trees as N[]) {
    if (typeof tree === "number") continue; // a lone leaf: a constant, irrelevant to ranking
    const a = tree.feature;
    for (const [side, child] of [[(x: number) => x <= tree.bin, tree.left], [(x: number) => x > tree.bin, tree.right]] as const) {
      if (typeof child === "number") {
        for (let x = 0; x < nb[a]; x++) if (side(x)) main[a][x] += lr * child;
      } else addPair(a, side, child.feature, (z) => lr * (z <= child.bin ? (child.left as number) : (child.right as number)));
    }
  }
  // Purify: move weighted row / column means of each pair table into the mains.
  const pure: Array<{ a: number; b: number; t: Float64Array; v: number }> = [];
  for (const [key, t] of pairs) {
    const a = Math.floor(key / p), b = key % p, kb = nb[b];
    const w = new Float64Array(t.length);
    for (let r = 0; r < tr.length; r++) w[B[a][r] * kb + B[b][r]]++;
    for (let it = 0; it < 20; it++) {
      for (let x = 0; x < nb[a]; x++) {
        let s = 0, ws = 0;
        for (let z = 0; z < kb; z++) { s += w[x * kb + z] * t[x * kb + z]; ws += w[x * kb + z]; }
        if (ws > 0) for (let z = 0; z < kb; z++) t[x * kb + z] -= s / ws;
        if (ws > 0) main[a][x] += s / ws;
      }
      for (let z = 0; z < kb; z++) {
        let s = 0, ws = 0;
        for (let x = 0; x < nb[a]; x++) { s += w[x * kb + z] * t[x * kb + z]; ws += w[x * kb + z]; }
        if (ws > 0) for (let x = 0; x < nb[a]; x++) t[x * kb + z] -= s / ws;
        if (ws > 0) main[b][z] += s / ws;
      }
    }
    const v = t.reduce((s, x, c) => s + w[c] * x * x, 0) / tr.length;
    pure.push({ a, b, t, v });
  }
  pure.sort((u, v) => v.v - u.v);
  const out = new Map<number, number[]>();
  const f = scaling.factor;
  const mainPts = main.map((m) => Array.from(m, (x) => Math.round(-f * x)));
  for (const K of KLIST) {
    const kept = pure.slice(0, K).map(({ a, b, t }) => ({ a, b, pts: Array.from(t, (x) => Math.round(-f * x)) }));
    const base = Math.round(scaling.offset - f * gbm.base);
    out.set(K, te.map((i) => {
      const bi = gbm.cuts.map((c, j) => binIndex(c, X[i][j]));
      let s = base;
      for (let j = 0; j < p; j++) s += mainPts[j][bi[j]];
      for (const { a, b, pts } of kept) s += pts[bi[a] * nb[b] + bi[b]];
      return clampScore(s, scaling);
    }));
  }
  return { out, nPairs: pairs.size, top: pure.slice(0, 8).map((q) => `${V3_FEATURES[q.a].name}×${V3_FEATURES[q.b].name}`) };
}

const t0 = performance.now();
const rand = mulberry32(DEFAULT_CV.seed);
const perK = new Map(KLIST.map((k) => [k, { auc: [] as number[], ks: [] as number[] }]));
for (let rep = 0; rep < REPEATS; rep++) {
  const fold = stratifiedFolds(y, DEFAULT_CV.folds, rand);
  for (let f = 0; f < DEFAULT_CV.folds; f++) {
    const tr = rows.flatMap((_, i) => (fold[i] !== f ? [i] : []));
    const te = rows.flatMap((_, i) => (fold[i] === f ? [i] : []));
    const r = run(tr, te);
    const line = KLIST.map((K) => {
      const m = summarise(r.out.get(K) as number[], te.map((i) => y[i]));
      perK.get(K)?.auc.push(m.auc);
      perK.get(K)?.ks.push(m.ks);
      return `K${K} ${m.auc.toFixed(4)}`;
    });
    console.log(`repeat ${rep + 1} fold ${f + 1}: ${r.nPairs} pairs; ${line.join("  ")}; top ${r.top.join(", ")} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
}
const trH = rows.flatMap((r, i) => (r.id <= DEFAULT_FIT.trainMaxId ? [i] : []));
const teH = rows.flatMap((r, i) => (r.id > DEFAULT_FIT.trainMaxId ? [i] : []));
const h = run(trH, teH);
for (const K of KLIST) {
  const r = perK.get(K) as { auc: number[]; ks: number[] };
  const hm = summarise(h.out.get(K) as number[], teH.map((i) => y[i]));
  console.log(`K=${K}: CV AUC ${meanSd(r.auc).mean.toFixed(4)} ± ${meanSd(r.auc).sd.toFixed(4)} KS ${meanSd(r.ks).mean.toFixed(4)}; holdout AUC ${hm.auc.toFixed(4)} KS ${hm.ks.toFixed(4)}`);
}
console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s`);
