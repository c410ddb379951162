/**
 * Experiment (not part of the app; the README's "crossed characteristics" rows): the v3 main-effect
 * stumps, then a few crossed characteristics (pairs of characteristics with integer points per
 * cell, added to the sum), pairs chosen on the training folds only. CV: 5 stratified folds of all
 * 30,000 (seed 20051001, as cv.ts) x REPEATS; then the fixed split (IDs 1-24,000 / the rest).
 * Scores are integer points clamped to 350-950; PD: isotonic table (blocks >= 300) on the training rows.
 * Knobs (environment): PAIRS=k crossed characteristics; MODE=grid (a coarse COARSE x COARSE grid
 * boosted PROUNDS times, ridge PL2; INTER=1 ranks pairs by interaction-only gain) or MODE=tree
 * (TROUNDS rounds of depth-2 trees, one pair each, leaves >= MINLEAF, learning rate PLR; the first
 * PAIRS distinct pairs found are then the only ones allowed; BACKFIT=r main-effect rounds every CYC);
 * SEG=1 fits the main effects per segment (late in the last 6 months or not); FREE=1 frees the
 * shape of every non-status characteristic. Example (the best design found, 0.7786):
 *   MODE=tree PAIRS=5 PLR=0.15 TROUNDS=150 BACKFIT=20 CYC=30 nice -n 19 npx tsx scripts/exp-crossed.ts
 */
import { loadUciCsv } from "@/features/import/csv";
import { binIndex, chiMergeCuts } from "@/features/scoring/binning";
import { fitAdditive, DEFAULT_ADDITIVE } from "@/features/scoring/additive";
import { V3_FEATURES } from "@/features/scoring/features";
import { roundCut } from "@/features/scoring/labels";
import { auc, ks } from "@/features/scoring/metrics";
import { mulberry32, stratifiedFolds } from "@/features/scoring/cv";
import { fitCalibration, calibratedPd, reliability } from "@/features/scoring/calibration";
import { makeScaling } from "@/features/scoring/scaling";

const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const K = env("PAIRS", 3);
const KC = env("COARSE", 5);
const MINSHARE_C = env("CMIN", 0.05);
const PR = env("PROUNDS", 60);
const PLR = env("PLR", 0.1);
const PL2 = env("PL2", 20);
const FOLDS = env("FOLDS", 5);
const MODE = process.env.MODE ?? "grid"; // grid | tree
const PAIRLIST = process.env.PAIRLIST; // "a:b,c:d"
const scaling = makeScaling();
const factor = scaling.factor;

const { rows } = loadUciCsv();
const defs = V3_FEATURES;
const cols = defs.map((d) => rows.map((r) => d.compute(r.months.slice(0, 6), r.limit)));
const y = rows.map((r) => r.outcome);

function run(trainIdx: number[], testIdx: number[]) {
  const yt = trainIdx.map((i) => y[i]);
  const colT = cols.map((c) => trainIdx.map((i) => c[i]));
  const monotone = defs.map((d) => (d.otherSideReasonText || (process.env.FREE && d.kind !== "status") ? "none" : d.monotone));
  const mains = (sub: number[]) => {
    const ys = sub.map((i) => y[i]);
    const cs = cols.map((c) => sub.map((i) => c[i]));
    const fn = defs.map((d, j) => {
      const cuts = chiMergeCuts(cs[j], ys, { fineBins: 32, maxBins: Number.MAX_SAFE_INTEGER, chiThreshold: 0, minShare: 0.01, forcedCuts: d.forcedCuts ?? [], round: roundCut(d) });
      return d.kind === "status" ? cuts.filter((c) => c >= 1) : cuts;
    });
    const bs = cs.map((c, j) => Uint16Array.from(c, (v) => binIndex(fn[j], v)));
    const ft = fitAdditive(bs, fn.map((c) => c.length + 1), monotone, ys, { ...DEFAULT_ADDITIVE, minLeaf: env("SEGLEAF", 300) });
    const pt = ft.values.map((v) => v.map((x) => Math.round(-factor * x)));
    const bp = Math.round(scaling.offset - factor * ft.base);
    return { fine: fn, bins: bs, score: (i: number) => bp + defs.reduce((t, _, j) => t + pt[j][binIndex(fn[j], cols[j][i])], 0) };
  };
  const all = mains(trainIdx);
  const fine = all.fine;
  const binsT = all.bins;
  const segOf = (i: number) => cols[1][i] >= 1;
  const segs = process.env.SEG ? [mains(trainIdx.filter(segOf)), mains(trainIdx.filter((i) => !segOf(i)))] : null;
  const scoreOf = (i: number) => (segs ? (segOf(i) ? segs[0] : segs[1]).score(i) : all.score(i));
  // current ln-odds of bad (from integer points) on training rows
  const F = Float64Array.from(trainIdx, (i) => (scaling.offset - scoreOf(i)) / factor);
  const coarse = defs.map((d, j) => {
    const cuts = chiMergeCuts(colT[j], yt, { fineBins: KC * 4, maxBins: KC, chiThreshold: 0, minShare: MINSHARE_C, forcedCuts: [], round: roundCut(d) });
    return d.kind === "status" ? cuts.filter((c) => c >= 1) : cuts;
  });
  const cb = colT.map((c, j) => Uint8Array.from(c, (v) => binIndex(coarse[j], v)));
  const n = trainIdx.length;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const grad = () => {
    for (let i = 0; i < n; i++) {
      const q = 1 / (1 + Math.exp(-F[i]));
      g[i] = q - yt[i];
      h[i] = q * (1 - q);
    }
  };
  const chosen: Array<{ a: number; b: number; cells: number[] }> = [];
  const pairGain = (a: number, b: number) => {
    const kb = coarse[b].length + 1;
    const cells = (coarse[a].length + 1) * kb;
    const G = new Float64Array(cells);
    const H = new Float64Array(cells);
    for (let i = 0; i < n; i++) {
      const c = cb[a][i] * kb + cb[b][i];
      G[c] += g[i];
      H[c] += h[i];
    }
    let s = 0;
    for (let c = 0; c < cells; c++) s += (G[c] * G[c]) / (H[c] + PL2);
    if (process.env.INTER) {
      const ka = coarse[a].length + 1;
      for (let x = 0; x < ka; x++) { let gg = 0, hh = 0; for (let z = 0; z < kb; z++) { gg += G[x * kb + z]; hh += H[x * kb + z]; } s -= (gg * gg) / (hh + PL2); }
      for (let z = 0; z < kb; z++) { let gg = 0, hh = 0; for (let x = 0; x < ka; x++) { gg += G[x * kb + z]; hh += H[x * kb + z]; } s -= (gg * gg) / (hh + PL2); }
    }
    return { s, G, H, kb };
  };
  const fixed = PAIRLIST ? PAIRLIST.split(",").map((p) => p.split(":").map((nm) => defs.findIndex((d) => d.name === nm))) : null;
  for (let k = 0; k < (MODE === "tree" ? 0 : K); k++) {
    grad();
    let best = { s: -1, a: -1, b: -1 };
    if (fixed) best = { s: 0, a: fixed[k][0], b: fixed[k][1] };
    else
      for (let a = 0; a < defs.length; a++)
        for (let b = a + 1; b < defs.length; b++) {
          if (chosen.some((c) => c.a === a && c.b === b)) continue;
          const { s } = pairGain(a, b);
          if (s > best.s) best = { s, a, b };
        }
    const { a, b } = best;
    const kb = coarse[b].length + 1;
    const cells = new Array<number>((coarse[a].length + 1) * kb).fill(0);
    for (let r = 0; r < PR; r++) {
      grad();
      const { G, H } = pairGain(a, b);
      const w = Array.from(G, (gc, c) => (-PLR * gc) / (H[c] + PL2));
      for (let c = 0; c < cells.length; c++) cells[c] += w[c];
      for (let i = 0; i < n; i++) F[i] += w[cb[a][i] * kb + cb[b][i]];
    }
    chosen.push({ a, b, cells });
  }
  if (MODE === "tree") {
    chosen.length = 0;
    const fb = binsT; // fine bins
    const nb = fine.map((c) => c.length + 1);
    const ML = env("MINLEAF", 300);
    const TR = env("TROUNDS", 100);
    const allowed: Array<[number, number]> = [];
    const pairCells = new Map<string, number[]>();
    const adj = nb.map((k) => new Array<number>(k).fill(0));
    const MR = env("BACKFIT", 0), CYC = env("CYC", 30);
    const mainRound = () => {
      grad();
      let bst = { gain: 1e-9, j: -1, cut: -1, wl: 0, wr: 0 };
      for (let j = 0; j < defs.length; j++) {
        const k = nb[j], Gb = new Float64Array(k), Hb = new Float64Array(k), Cb = new Float64Array(k);
        for (let i = 0; i < n; i++) { Gb[fb[j][i]] += g[i]; Hb[fb[j][i]] += h[i]; Cb[fb[j][i]]++; }
        let gt = 0, ht = 0; for (let b = 0; b < k; b++) { gt += Gb[b]; ht += Hb[b]; }
        let gl = 0, hl = 0, cl = 0;
        for (let cut = 0; cut < k - 1; cut++) {
          gl += Gb[cut]; hl += Hb[cut]; cl += Cb[cut];
          if (cl < 300 || n - cl < 300) continue;
          const wl = -gl / (hl + 1), wr = -(gt - gl) / (ht - hl + 1);
          if (monotone[j] === "up" ? wr < wl : monotone[j] === "down" ? wr > wl : false) continue;
          const gain = (gl * gl) / (hl + 1) + ((gt - gl) ** 2) / (ht - hl + 1) - (gt * gt) / (ht + 1);
          if (gain > bst.gain) bst = { gain, j, cut, wl, wr };
        }
      }
      if (bst.j < 0) return;
      const wl = 0.15 * bst.wl, wr = 0.15 * bst.wr;
      for (let b = 0; b < nb[bst.j]; b++) adj[bst.j][b] += b <= bst.cut ? wl : wr;
      for (let i = 0; i < n; i++) F[i] += fb[bst.j][i] <= bst.cut ? wl : wr;
    };
    for (let r = 0; r < TR; r++) {
      if (MR > 0 && r > 0 && r % CYC === 0) for (let t = 0; t < MR; t++) mainRound();
      grad();
      let best = { gain: 1e-9, a: -1, b: -1, ca: -1, cl: -1, cr: -1, w: [0, 0, 0, 0] };
      const cand: Array<[number, number]> = allowed.length >= K ? allowed : [];
      if (allowed.length < K) for (let a = 0; a < defs.length; a++) for (let b = 0; b < defs.length; b++) if (a !== b) cand.push([a, b]);
      const cand2 = allowed.length >= K ? allowed.flatMap(([a, b]) => [[a, b], [b, a]] as Array<[number, number]>) : cand;
      for (const [a, b] of cand2) {
        const ka = nb[a], kb = nb[b];
        const G = new Float64Array(ka * kb), H = new Float64Array(ka * kb), C = new Uint32Array(ka * kb);
        const A = fb[a], B = fb[b];
        for (let i = 0; i < n; i++) { const c = A[i] * kb + B[i]; G[c] += g[i]; H[c] += h[i]; C[c]++; }
        const colG = new Float64Array(kb), colH = new Float64Array(kb), colC = new Float64Array(kb);
        const totG = new Float64Array(kb), totH = new Float64Array(kb), totC = new Float64Array(kb);
        for (let c = 0; c < ka * kb; c++) { totG[c % kb] += G[c]; totH[c % kb] += H[c]; totC[c % kb] += C[c]; }
        const side = (sg: Float64Array, sh: Float64Array, sc: Float64Array) => {
          let gt = 0, ht = 0, ct = 0;
          for (let z = 0; z < kb; z++) { gt += sg[z]; ht += sh[z]; ct += sc[z]; }
          let bestS = { v: -Infinity, cut: -1, wl: 0, wr: 0 };
          let gl = 0, hl = 0, cl = 0;
          for (let z = 0; z < kb - 1; z++) {
            gl += sg[z]; hl += sh[z]; cl += sc[z];
            if (cl < ML || ct - cl < ML) continue;
            const v = (gl * gl) / (hl + 1) + ((gt - gl) ** 2) / (ht - hl + 1);
            if (v > bestS.v) bestS = { v, cut: z, wl: -gl / (hl + 1), wr: -(gt - gl) / (ht - hl + 1) };
          }
          return { ...bestS, gt, ht, ct, base: (gt * gt) / (ht + 1) };
        };
        let parent = 0; { let gt = 0, ht = 0; for (let z = 0; z < kb; z++) { gt += totG[z]; ht += totH[z]; } parent = (gt * gt) / (ht + 1); }
        for (let ca = 0; ca < ka - 1; ca++) {
          for (let z = 0; z < kb; z++) { colG[z] += G[ca * kb + z]; colH[z] += H[ca * kb + z]; colC[z] += C[ca * kb + z]; }
          const L = side(colG, colH, colC);
          if (L.ct < ML || n - L.ct < ML) continue;
          const R = side(totG.map((v, z) => v - colG[z]), totH.map((v, z) => v - colH[z]), totC.map((v, z) => v - colC[z]));
          if (L.cut < 0 || R.cut < 0) continue;
          const gain = L.v + R.v - parent;
          if (gain > best.gain) best = { gain, a, b, ca, cl: L.cut, cr: R.cut, w: [L.wl, L.wr, R.wl, R.wr] };
        }
      }
      if (best.a < 0) break;
      const { a, b, ca, cl, cr } = best;
      const key = a < b ? `${a}:${b}` : `${b}:${a}`;
      if (!allowed.some(([x, z]) => (x < z ? `${x}:${z}` : `${z}:${x}`) === key)) allowed.push([a, b]);
      const w = best.w.map((v) => v * PLR);
      const leaf = (xa: number, xb: number) => (xa <= ca ? (xb <= cl ? w[0] : w[1]) : xb <= cr ? w[2] : w[3]);
      for (let i = 0; i < n; i++) F[i] += leaf(fb[a][i], fb[b][i]);
      // store per fine cell (lo index pair by sorted names)
      const [p, q] = a < b ? [a, b] : [b, a];
      const cells = pairCells.get(key) ?? new Array<number>(nb[p] * nb[q]).fill(0);
      for (let x = 0; x < nb[p]; x++) for (let z = 0; z < nb[q]; z++) cells[x * nb[q] + z] += a === p ? leaf(x, z) : leaf(z, x);
      pairCells.set(key, cells);
    }
    const cellPtsT = [...pairCells.entries()].map(([key, cells]) => {
      const [p, q] = key.split(":").map(Number);
      const cnt = new Array<number>(cells.length).fill(0);
      for (let i = 0; i < n; i++) cnt[fb[p][i] * nb[q] + fb[q][i]]++;
      const m = cells.reduce((s, v, c) => s + v * cnt[c], 0) / n;
      return { p, q, pts: cells.map((v) => Math.round(-factor * (v - m))) };
    });
    const adjPts = adj.map((v, j) => { const m = v.reduce((t, x, b) => t + x * binsT[j].reduce((c, bb) => c + (bb === b ? 1 : 0), 0), 0) / n; return v.map((x) => Math.round(-factor * (x - m))); });
    const totalT = (i: number) => scoreOf(i) + defs.reduce((t, _, j) => t + adjPts[j][binIndex(fine[j], cols[j][i])], 0) + cellPtsT.reduce((s, { p, q, pts }) => s + pts[binIndex(fine[p], cols[p][i]) * nb[q] + binIndex(fine[q], cols[q][i])], 0);
    const clampT = (i: number) => Math.min(950, Math.max(350, totalT(i)));
    const trS = trainIdx.map(clampT);
    const cal = fitCalibration(trS, yt, scaling, 300);
    const teS = testIdx.map(clampT);
    const yte = testIdx.map((i) => y[i]);
    const risk = teS.map((s) => -s);
    const rel = reliability(teS, yte, teS.map((s) => calibratedPd(cal, s)));
    return { auc: auc(risk, yte), ks: ks(risk, yte), mae: rel.meanAbsError, worst: rel.worstAbsError, pairs: cellPtsT.map((c) => `${defs[c.p].name}×${defs[c.q].name}`) };
  }
  // centre + round cell points
  const cellPts = chosen.map(({ a, b, cells }) => {
    const kb = coarse[b].length + 1;
    const cnt = new Array<number>(cells.length).fill(0);
    for (let i = 0; i < n; i++) cnt[cb[a][i] * kb + cb[b][i]]++;
    const m = cells.reduce((s, v, c) => s + v * cnt[c], 0) / n;
    return cells.map((v) => Math.round(-factor * (v - m)));
  });
  const total = (i: number) =>
    scoreOf(i) + chosen.reduce((s, { a, b }, k) => s + cellPts[k][binIndex(coarse[a], cols[a][i]) * (coarse[b].length + 1) + binIndex(coarse[b], cols[b][i])], 0);
  const clampG = (i: number) => Math.min(950, Math.max(350, total(i)));
  const trS = trainIdx.map(clampG);
  const cal = fitCalibration(trS, yt, scaling, 300);
  const teS = testIdx.map(clampG);
  const yte = testIdx.map((i) => y[i]);
  const risk = teS.map((s) => -s);
  const rel = reliability(teS, yte, teS.map((s) => calibratedPd(cal, s)));
  return { auc: auc(risk, yte), ks: ks(risk, yte), mae: rel.meanAbsError, worst: rel.worstAbsError, pairs: chosen.map((c) => `${defs[c.a].name}×${defs[c.b].name}`) };
}

const t0 = performance.now();
const rand = mulberry32(20051001);
const res = [];
for (let rep = 0; rep < env("REPEATS", 1); rep++) {
  const fold = stratifiedFolds(y, 5, rand);
  for (let f = 0; f < FOLDS; f++) {
    const tr = rows.flatMap((_, i) => (fold[i] !== f ? [i] : []));
    const te = rows.flatMap((_, i) => (fold[i] === f ? [i] : []));
    const r = run(tr, te);
    res.push(r);
    console.log(`repeat ${rep + 1} fold ${f + 1}: auc ${r.auc.toFixed(4)} ks ${r.ks.toFixed(4)} pairs ${r.pairs.join(", ")}`);
  }
}
const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, v) => s + (v - mean(xs)) ** 2, 0) / (xs.length - 1));
const a = res.map((r) => r.auc);
console.log(`CV AUC ${mean(a).toFixed(4)} ± ${sd(a).toFixed(4)}  KS ${mean(res.map((r) => r.ks)).toFixed(4)}  PD err ${(mean(res.map((r) => r.mae)) * 100).toFixed(2)}`);
const trH = rows.flatMap((r, i) => (r.id <= 24000 ? [i] : []));
const teH = rows.flatMap((r, i) => (r.id > 24000 ? [i] : []));
const h = run(trH, teH);
console.log(`holdout AUC ${h.auc.toFixed(4)} KS ${h.ks.toFixed(4)} PD err ${(h.mae * 100).toFixed(2)} / ${(h.worst * 100).toFixed(2)} pairs ${h.pairs.join(", ")}`);
console.log(`K=${K} KC=${KC} CMIN=${MINSHARE_C} PR=${PR} PLR=${PLR} PL2=${PL2} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
