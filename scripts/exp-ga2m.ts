/**
 * Experiment (not part of the app, issue 10 §3): a GA2M scorecard. Per fold, on the training rows
 * only: the champion's fine bins and monotone boosted main effects (fit-additive.ts); candidate
 * pairs ranked by FAST gain on the main-effect residuals (features/scoring/ga2m.ts); then, for
 * each K in KLIST, the top K pairs boosted cyclically (ROUNDS rounds, one depth-2 tree per pair
 * per round, learning rate PLR, ridge PL2, leaves >= MINLEAF rows), with BACKFIT monotone
 * main-effect stumps every CYC rounds. Log-odds tables -> integer points (scaling.ts), score =
 * clamp(base + points, 350, 950); AUC/KS on those integer scores. CV: exactly cv.ts's 3 x 5
 * stratified folds of all 30,000 (seed 20051001); then the fixed split (IDs <= trainMaxId / the rest).
 * PAIRBINS=b puts pairs on ChiMerge bins of at most b classes instead of the fine bins;
 * SELECT=tree finds the pairs by greedy depth-2 trees over all pairs (one a round) until K are
 * found, instead of FAST; FREE=1 frees every main-effect shape (a diagnostic).
 * Measured (2 Dec 2026, 3 x 5): SELECT=tree K=8 ROUNDS=50 PLR=0.1 MINLEAF=200 -> 0.7788 ± 0.0070,
 * KS 0.430, holdout 0.7987; with PAIRBINS=6, K=12 -> 0.7783. FAST ranking gains only half as much
 * (0.7760 on the first 5 folds), and K = 12-24 pairs do not beat K = 8.
 * Run: SELECT=tree KLIST=0,5,8 nice -n 10 npx tsx --conditions=react-server scripts/exp-ga2m.ts
 */
import { loadUciCsv } from "@/features/import/csv";
import { readFileSync } from "node:fs";
import { fitAdditive } from "@/features/scoring/additive";
import { binIndex, chiMergeCuts } from "@/features/scoring/binning";
import { DEFAULT_CV, mulberry32, stratifiedFolds, meanSd } from "@/features/scoring/cv";
import { summarise } from "@/features/scoring/evaluate";
import { DEFAULT_FIT } from "@/features/scoring/fit";
import { V3_FEATURES } from "@/features/scoring/features";
import { gradients, histogram2, pairTree, rankPairs, type Grad } from "@/features/scoring/ga2m";
import { roundCut } from "@/features/scoring/labels";
import { clampScore, makeScaling } from "@/features/scoring/scaling";

const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const KLIST = (process.env.KLIST ?? "0,4,6,8,10,12").split(",").map(Number);
const ROUNDS = env("ROUNDS", 100), PLR = env("PLR", 0.05), PL2 = env("PL2", 1), MINLEAF = env("MINLEAF", 200);
const BACKFIT = env("BACKFIT", 0), CYC = env("CYC", 10), MLR = env("MLR", 0.15), PAIRBINS = env("PAIRBINS", 0);
const REPEATS = env("REPEATS", DEFAULT_CV.repeats);
const scaling = makeScaling();
const { factor, offset } = scaling;

const { rows } = loadUciCsv();
const defs = V3_FEATURES;
const cols = defs.map((d) => rows.map((r) => d.compute(r.months.slice(0, DEFAULT_FIT.asOfIndex + 1), r.limit)));
const y = rows.map((r) => r.outcome);
const monotone = defs.map((d) => (d.otherSideReasonText || process.env.FREE ? "none" : d.monotone));
const SELECT = process.env.SELECT ?? "fast"; // fast | tree (pairs found by greedy depth-2 trees, as exp-crossed MODE=tree)
const opts = DEFAULT_FIT.additive;

type Fold = { scores: Map<number, number[]>; pairs: Map<number, string[]> };

function cutsFor(j: number, yt: number[], colT: number[], maxBins: number, minShare: number) {
  const d = defs[j];
  const cuts = chiMergeCuts(colT, yt, { fineBins: maxBins === Infinity ? opts.fineBins : maxBins * 4, maxBins: maxBins === Infinity ? Number.MAX_SAFE_INTEGER : maxBins, chiThreshold: 0, minShare, forcedCuts: d.forcedCuts ?? [], round: roundCut(d) });
  return d.kind === "status" ? cuts.filter((c) => c >= 1) : cuts;
}

function run(trainIdx: number[], testIdx: number[]): Fold {
  const yt = trainIdx.map((i) => y[i]);
  const n = trainIdx.length;
  const colT = cols.map((c) => trainIdx.map((i) => c[i]));
  const fine = defs.map((_, j) => cutsFor(j, yt, colT[j], Infinity, opts.minShare));
  const nb = fine.map((c) => c.length + 1);
  const bins = colT.map((c, j) => Uint16Array.from(c, (v) => binIndex(fine[j], v)));
  const pc = PAIRBINS ? defs.map((_, j) => cutsFor(j, yt, colT[j], PAIRBINS, 0.05)) : fine;
  const pnb = pc.map((c) => c.length + 1);
  const pbins = PAIRBINS ? colT.map((c, j) => Uint16Array.from(c, (v) => binIndex(pc[j], v))) : bins;
  const mains = fitAdditive(bins, nb, monotone, yt, opts);
  const F0 = Float64Array.from(trainIdx, (_, r) => mains.base + mains.values.reduce((s, v, j) => s + v[bins[j][r]], 0));
  const zeros = new Uint16Array(n);
  const gr: Grad = { g: new Float64Array(n), h: new Float64Array(n) };
  const ranked = rankPairs(pbins, pnb, gradients(F0, yt, gr), PL2, MINLEAF);
  const out: Fold = { scores: new Map(), pairs: new Map() };
  for (const K of KLIST) {
    const F = Float64Array.from(F0);
    const main = mains.values.map((v) => Float64Array.from(v));
    const tables = (SELECT === "fast" ? ranked.slice(0, K) : []).map(({ a, b }) => ({ a, b, cells: new Float64Array(pnb[a] * pnb[b]) }));
    const apply = (t: (typeof tables)[number], d: Float64Array) => {
      for (let c = 0; c < d.length; c++) t.cells[c] += d[c];
      const A = pbins[t.a], B = pbins[t.b], kb = pnb[t.b];
      for (let i = 0; i < n; i++) F[i] += d[A[i] * kb + B[i]];
    };
    // SELECT=tree: greedy rounds over every pair (one tree a round) until K distinct pairs are found.
    for (let r = 0; SELECT === "tree" && tables.length < K && r < 300; r++) {
      gradients(F, yt, gr);
      let best: { a: number; b: number; gain: number; delta: Float64Array } | null = null;
      for (let a = 0; a < defs.length; a++)
        for (let b = a + 1; b < defs.length; b++) {
          const { G, H, C } = histogram2(pbins[a], pbins[b], pnb[a], pnb[b], gr);
          const tr = pairTree(G, H, C, pnb[a], pnb[b], PL2, MINLEAF, PLR);
          if (tr && (!best || tr.gain > best.gain)) best = { a, b, ...tr };
        }
      if (!best) break;
      const { a, b } = best;
      let t = tables.find((x) => x.a === a && x.b === b);
      if (!t) tables.push((t = { a, b, cells: new Float64Array(pnb[a] * pnb[b]) }));
      apply(t, best.delta);
    }
    const mainStump = () => {
      gradients(F, yt, gr);
      let best = { gain: 1e-9, j: -1, cut: -1, wl: 0, wr: 0 };
      for (let j = 0; j < defs.length; j++) {
        const { G, H, C } = histogram2(bins[j], zeros, nb[j], 1, gr);
        let gt = 0, ht = 0;
        for (let b = 0; b < nb[j]; b++) { gt += G[b]; ht += H[b]; }
        for (let cut = 0, gl = 0, hl = 0, cl = 0; cut < nb[j] - 1; cut++) {
          gl += G[cut]; hl += H[cut]; cl += C[cut];
          if (cl < opts.minLeaf || n - cl < opts.minLeaf) continue;
          const wl = -gl / (hl + 1), wr = -(gt - gl) / (ht - hl + 1);
          if (monotone[j] === "up" ? wr < wl : monotone[j] === "down" ? wr > wl : false) continue;
          const gain = (gl * gl) / (hl + 1) + (gt - gl) ** 2 / (ht - hl + 1) - (gt * gt) / (ht + 1);
          if (gain > best.gain) best = { gain, j, cut, wl, wr };
        }
      }
      if (best.j < 0) return;
      const { j, cut } = best;
      for (let b = 0; b < nb[j]; b++) main[j][b] += MLR * (b <= cut ? best.wl : best.wr);
      for (let i = 0; i < n; i++) F[i] += MLR * (bins[j][i] <= cut ? best.wl : best.wr);
    };
    for (let r = 0; r < (K ? ROUNDS : 0); r++) {
      if (BACKFIT && r % CYC === CYC - 1) for (let t = 0; t < BACKFIT; t++) mainStump();
      for (const t of tables) {
        gradients(F, yt, gr);
        const { G, H, C } = histogram2(pbins[t.a], pbins[t.b], pnb[t.a], pnb[t.b], gr);
        const d = pairTree(G, H, C, pnb[t.a], pnb[t.b], PL2, MINLEAF, PLR);
        if (d) apply(t, d.delta);
      }
    }
    // Integer points: each table centred on the training rows (its mean moves into the base).
    let base = mains.base;
    const centre = (v: Float64Array, idx: (i: number) => number) => {
      let m = 0;
      for (let i = 0; i < n; i++) m += v[idx(i)];
      m /= n;
      base += m;
      return Array.from(v, (x) => Math.round(-factor * (x - m)) + 0);
    };
    const mainPts = main.map((v, j) => centre(v, (i) => bins[j][i]));
    const pairPts = tables.map((t) => centre(t.cells, (i) => pbins[t.a][i] * pnb[t.b] + pbins[t.b][i]));
    const basePts = Math.round(offset - factor * base);
    const scoreRow = (i: number) => {
      let s = basePts;
      for (let j = 0; j < defs.length; j++) s += mainPts[j][binIndex(fine[j], cols[j][i])];
      tables.forEach((t, k) => (s += pairPts[k][binIndex(pc[t.a], cols[t.a][i]) * pnb[t.b] + binIndex(pc[t.b], cols[t.b][i])]));
      return clampScore(s, scaling);
    };
    out.scores.set(K, testIdx.map(scoreRow));
    out.pairs.set(K, tables.map((t) => `${defs[t.a].name}×${defs[t.b].name}`));
  }
  return out;
}

const t0 = performance.now();
const rand = mulberry32(DEFAULT_CV.seed);
const perK = new Map<number, { auc: number[]; ks: number[] }>(KLIST.map((k) => [k, { auc: [], ks: [] }]));
const pairCount = new Map<string, number>();
for (let rep = 0; rep < REPEATS; rep++) {
  const fold = stratifiedFolds(y, DEFAULT_CV.folds, rand);
  for (let f = 0; f < DEFAULT_CV.folds; f++) {
    const tr = rows.flatMap((_, i) => (fold[i] !== f ? [i] : []));
    const te = rows.flatMap((_, i) => (fold[i] === f ? [i] : []));
    const res = run(tr, te);
    const bad = te.map((i) => y[i]);
    const line: string[] = [];
    for (const K of KLIST) {
      const m = summarise(res.scores.get(K) as number[], bad);
      perK.get(K)?.auc.push(m.auc);
      perK.get(K)?.ks.push(m.ks);
      line.push(`K${K} ${m.auc.toFixed(4)}`);
    }
    for (const p of res.pairs.get(Math.max(...KLIST)) ?? []) pairCount.set(p, (pairCount.get(p) ?? 0) + 1);
    console.log(`repeat ${rep + 1} fold ${f + 1}: ${line.join("  ")}  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
}
const trH = rows.flatMap((r, i) => (r.id <= DEFAULT_FIT.trainMaxId ? [i] : []));
const teH = rows.flatMap((r, i) => (r.id > DEFAULT_FIT.trainMaxId ? [i] : []));
const h = run(trH, teH);
console.log(`ROUNDS=${ROUNDS} PLR=${PLR} PL2=${PL2} MINLEAF=${MINLEAF} BACKFIT=${BACKFIT} CYC=${CYC} MLR=${MLR} PAIRBINS=${PAIRBINS} SELECT=${SELECT} FREE=${process.env.FREE ?? 0}`);
for (const K of KLIST) {
  const r = perK.get(K) as { auc: number[]; ks: number[] };
  const a = meanSd(r.auc), k = meanSd(r.ks);
  const hm = summarise(h.scores.get(K) as number[], teH.map((i) => y[i]));
  console.log(`K=${K}: CV AUC ${a.mean.toFixed(4)} ± ${a.sd.toFixed(4)} KS ${k.mean.toFixed(4)}; holdout AUC ${hm.auc.toFixed(4)} KS ${hm.ks.toFixed(4)}`);
}
console.log(`holdout pairs (K=${Math.max(...KLIST)}): ${h.pairs.get(Math.max(...KLIST))?.join(", ")}`);
console.log("pairs chosen across CV folds:", [...pairCount.entries()].sort((p, q) => q[1] - p[1]).map(([p, c]) => `${p} ${c}`).join("; "));
console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s; loadavg ${readFileSync("/proc/loadavg", "utf8").trim()}`);
