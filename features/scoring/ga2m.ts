/**
 * Pair tables for a GA2M (main effects + two-characteristic tables), as used by
 * scripts/exp-ga2m.ts: FAST ranking of candidate pairs on the residuals of a main-effect fit, and
 * boosting of one 2-D table per chosen pair by depth-2 trees on the pair's 2-D histogram (split on
 * one characteristic, then each side on the other). A sum of such trees is a step function of the
 * two bins alone, so every pair stays a table of points per cell. Deterministic: no sampling; ties
 * go to the first pair, orientation and lowest cut.
 */
export type PairTable = { a: number; b: number; ka: number; kb: number; cells: Float64Array };
export type Grad = { g: Float64Array; h: Float64Array };

/** Logistic-loss gradient and hessian of ln(odds of bad) F against outcomes y (1 = bad). */
export function gradients(F: Float64Array, y: ArrayLike<number>, out: Grad): Grad {
  for (let i = 0; i < F.length; i++) {
    const q = 1 / (1 + Math.exp(-F[i]));
    out.g[i] = q - y[i];
    out.h[i] = q * (1 - q);
  }
  return out;
}

/** Sums of g, h and counts per cell a * kb + b. */
export function histogram2(A: ArrayLike<number>, B: ArrayLike<number>, ka: number, kb: number, gr: Grad) {
  const G = new Float64Array(ka * kb);
  const H = new Float64Array(ka * kb);
  const C = new Float64Array(ka * kb);
  for (let i = 0; i < A.length; i++) {
    const c = A[i] * kb + B[i];
    G[c] += gr.g[i];
    H[c] += gr.h[i];
    C[c]++;
  }
  return { G, H, C };
}

const score = (g: number, h: number, l2: number) => (g * g) / (h + l2);

/**
 * FAST: the best 4-quadrant table (one cut on each characteristic, every quadrant >= minLeaf rows)
 * fitted to the residual gradients; its Newton gain over one constant ranks the pair.
 */
export function fastGain(G: Float64Array, H: Float64Array, C: Float64Array, ka: number, kb: number, l2: number, minLeaf: number): number {
  // Prefix sums over (rows <= x, cols <= z).
  const P = (arr: Float64Array) => {
    const p = new Float64Array(ka * kb);
    for (let x = 0; x < ka; x++)
      for (let z = 0, row = 0; z < kb; z++) {
        row += arr[x * kb + z];
        p[x * kb + z] = row + (x > 0 ? p[(x - 1) * kb + z] : 0);
      }
    return p;
  };
  const pg = P(G), ph = P(H), pc = P(C);
  const last = ka * kb - 1;
  const tg = pg[last], th = ph[last], tc = pc[last];
  let best = 0;
  for (let x = 0; x < ka - 1; x++)
    for (let z = 0; z < kb - 1; z++) {
      const k = x * kb + z, rx = x * kb + kb - 1, cz = (ka - 1) * kb + z;
      const q = [
        [pg[k], ph[k], pc[k]],
        [pg[rx] - pg[k], ph[rx] - ph[k], pc[rx] - pc[k]],
        [pg[cz] - pg[k], ph[cz] - ph[k], pc[cz] - pc[k]],
      ];
      const q4 = [tg - q[0][0] - q[1][0] - q[2][0], th - q[0][1] - q[1][1] - q[2][1], tc - q[0][2] - q[1][2] - q[2][2]];
      q.push(q4);
      if (q.some((s) => s[2] < minLeaf)) continue;
      const gain = q.reduce((s, v) => s + score(v[0], v[1], l2), 0) - score(tg, th, l2);
      if (gain > best) best = gain;
    }
  return best;
}

/** Pairs (a < b) by FAST gain, best first. */
export function rankPairs(bins: ArrayLike<number>[], nBins: number[], gr: Grad, l2: number, minLeaf: number) {
  const out: Array<{ a: number; b: number; gain: number }> = [];
  for (let a = 0; a < bins.length; a++)
    for (let b = a + 1; b < bins.length; b++) {
      const { G, H, C } = histogram2(bins[a], bins[b], nBins[a], nBins[b], gr);
      out.push({ a, b, gain: fastGain(G, H, C, nBins[a], nBins[b], l2, minLeaf) });
    }
  return out.sort((p, q) => q.gain - p.gain || p.a - q.a || p.b - q.b);
}

type Split = { v: number; cut: number; wl: number; wr: number };

/** Best single cut of a 1-D histogram (both sides >= minLeaf); v = sum of side scores. */
function bestCut(g: ArrayLike<number>, h: ArrayLike<number>, c: ArrayLike<number>, l2: number, minLeaf: number): Split | null {
  let gt = 0, ht = 0, ct = 0;
  for (let z = 0; z < g.length; z++) { gt += g[z]; ht += h[z]; ct += c[z]; }
  let best: Split | null = null;
  for (let z = 0, gl = 0, hl = 0, cl = 0; z < g.length - 1; z++) {
    gl += g[z]; hl += h[z]; cl += c[z];
    if (cl < minLeaf || ct - cl < minLeaf) continue;
    const v = score(gl, hl, l2) + score(gt - gl, ht - hl, l2);
    if (!best || v > best.v) best = { v, cut: z, wl: -gl / (hl + l2), wr: -(gt - gl) / (ht - hl + l2) };
  }
  return best;
}

/**
 * One depth-2 tree on a pair's histogram, leaf values times `lr`, as a ka x kb cell delta with the
 * tree's gain (sum of leaf scores); null when no split keeps every leaf >= minLeaf rows.
 */
export function pairTree(G: Float64Array, H: Float64Array, C: Float64Array, ka: number, kb: number, l2: number, minLeaf: number, lr: number): { gain: number; delta: Float64Array } | null {
  let best: { gain: number; delta: Float64Array } | null = null;
  for (const flip of [false, true]) {
    // Orientation: root on rows (a) then columns (b), or the transpose.
    const [kr, kc] = flip ? [kb, ka] : [ka, kb];
    const at = (r: number, c: number) => (flip ? c * kb + r : r * kb + c);
    const lg = new Float64Array(kc), lh = new Float64Array(kc), lc = new Float64Array(kc);
    const tg = new Float64Array(kc), th = new Float64Array(kc), tc = new Float64Array(kc);
    for (let r = 0; r < kr; r++) for (let c = 0; c < kc; c++) { tg[c] += G[at(r, c)]; th[c] += H[at(r, c)]; tc[c] += C[at(r, c)]; }
    for (let r = 0; r < kr - 1; r++) {
      for (let c = 0; c < kc; c++) { lg[c] += G[at(r, c)]; lh[c] += H[at(r, c)]; lc[c] += C[at(r, c)]; }
      const L = bestCut(lg, lh, lc, l2, minLeaf);
      const R = bestCut(tg.map((v, c) => v - lg[c]), th.map((v, c) => v - lh[c]), tc.map((v, c) => v - lc[c]), l2, minLeaf);
      if (!L || !R) continue;
      const gain = L.v + R.v;
      if (best && gain <= best.gain) continue;
      const delta = new Float64Array(ka * kb);
      for (let rr = 0; rr < kr; rr++)
        for (let c = 0; c < kc; c++) {
          const s = rr <= r ? L : R;
          delta[at(rr, c)] = lr * (c <= s.cut ? s.wl : s.wr);
        }
      best = { gain, delta };
    }
  }
  return best;
}
