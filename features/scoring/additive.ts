/**
 * Boosted additive points: ln(odds of bad) = base + Σ_j f_j(bin of characteristic j), each f_j a
 * step function over that characteristic's fine bins, fitted by gradient boosting of STUMPS (one
 * split of one characteristic per round, logistic loss, Newton leaf values). A sum of stumps on
 * one characteristic is a step function of it alone, so the model stays a points table (no
 * interactions), unlike depth-3 trees. Every stump must respect the characteristic's declared
 * direction (the riskier side never gets a lower ln-odds), so each f_j is monotone and one reason
 * text is true for every bin that costs points. Deterministic: no sampling; ties go to the first
 * characteristic and the lowest split.
 */
export type AdditiveOptions = { rounds: number; learningRate: number; minLeaf: number; l2: number };
// 300 rounds at 0.15 match 500 at 0.1 in CV (0.777 either way) at 60 % of the time.
export const DEFAULT_ADDITIVE: AdditiveOptions = { rounds: 300, learningRate: 0.15, minLeaf: 300, l2: 1 };

/** `values[j][b]`: contribution of bin b of characteristic j to ln(odds of bad), centred on the sample. */
export type AdditiveFit = { base: number; values: number[][] };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * `bins[j][i]`: bin index of row i on characteristic j (0..nBins[j]-1, ascending values);
 * `monotone[j]`: "up" = higher bins riskier, "down" = lower bins riskier, "none" = shape learned.
 * `y[i]` 1 = bad.
 */
export function fitAdditive(
  bins: Uint16Array[],
  nBins: number[],
  monotone: Array<"up" | "down" | "none">,
  y: number[],
  partial: Partial<AdditiveOptions> = {},
): AdditiveFit {
  const o = { ...DEFAULT_ADDITIVE, ...partial };
  const n = y.length;
  const p = bins.length;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const base = Math.log(mean / (1 - mean));
  const F = new Float64Array(n).fill(base);
  const values = nBins.map((k) => new Array<number>(k).fill(0));
  const G = nBins.map((k) => new Float64Array(k));
  const H = nBins.map((k) => new Float64Array(k));
  const C = nBins.map((k) => new Uint32Array(k));
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) C[j][bins[j][i]]++;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const q = sigmoid(F[i]);
      g[i] = q - y[i];
      h[i] = q * (1 - q);
    }
    let best = { gain: 1e-12, j: -1, cut: -1, wl: 0, wr: 0 };
    for (let j = 0; j < p; j++) {
      G[j].fill(0);
      H[j].fill(0);
      const bj = bins[j];
      for (let i = 0; i < n; i++) {
        G[j][bj[i]] += g[i];
        H[j][bj[i]] += h[i];
      }
      let gt = 0;
      let ht = 0;
      for (let b = 0; b < nBins[j]; b++) {
        gt += G[j][b];
        ht += H[j][b];
      }
      const parent = (gt * gt) / (ht + o.l2);
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let cut = 0; cut < nBins[j] - 1; cut++) {
        gl += G[j][cut];
        hl += H[j][cut];
        cl += C[j][cut];
        if (cl < o.minLeaf || n - cl < o.minLeaf) continue;
        const gr = gt - gl;
        const hr = ht - hl;
        const wl = -gl / (hl + o.l2);
        const wr = -gr / (hr + o.l2);
        // Direction: "up" means the higher bins (right) must not be safer than the lower ones.
        if (monotone[j] === "up" ? wr < wl : monotone[j] === "down" ? wr > wl : false) continue;
        const gain = (gl * gl) / (hl + o.l2) + (gr * gr) / (hr + o.l2) - parent;
        if (gain > best.gain) best = { gain, j, cut, wl, wr };
      }
    }
    if (best.j < 0) break;
    const { j, cut } = best;
    const wl = o.learningRate * best.wl;
    const wr = o.learningRate * best.wr;
    for (let b = 0; b < nBins[j]; b++) values[j][b] += b <= cut ? wl : wr;
    const bj = bins[j];
    for (let i = 0; i < n; i++) F[i] += bj[i] <= cut ? wl : wr;
  }
  // Centre each step function on the sample (its mean moves into the base), so a bin's value reads
  // as "riskier or safer than the average borrower" and the base is the average ln-odds.
  let shifted = base;
  const centred = values.map((v, j) => {
    const m = v.reduce((s, x, b) => s + x * C[j][b], 0) / n;
    shifted += m;
    return v.map((x) => x - m);
  });
  return { base: shifted, values: centred };
}
