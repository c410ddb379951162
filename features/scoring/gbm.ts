/**
 * A small gradient-boosted tree model (logistic loss, Newton leaf values, depth-limited trees on
 * quantile-binned features): the challenger that tests how much the points scorecard leaves on the
 * table. Deterministic (no sampling; ties broken by feature then bin order) and fast enough to be
 * cross-validated in `npm run model:fit`. Inputs are the same characteristics as the scorecards
 * (no protected attributes, no credit limit).
 */
export type GbmOptions = { trees: number; depth: number; learningRate: number; bins: number; minLeaf: number; l2: number };
export const DEFAULT_GBM: GbmOptions = { trees: 120, depth: 3, learningRate: 0.1, bins: 32, minLeaf: 100, l2: 1 };

type Node = { feature: number; cut: number; bin: number; left: Node | number; right: Node | number };
export type Gbm = { base: number; cuts: number[][]; trees: Array<Node | number>; learningRate: number };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Quantile cut points per feature (distinct, ascending); a value goes to bin = #cuts <= value. */
function quantileCuts(col: number[], bins: number): number[] {
  const sorted = [...col].sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let q = 1; q < bins; q++) cuts.add(sorted[Math.floor((q * sorted.length) / bins)]);
  return [...cuts].filter((c) => c > sorted[0]).sort((a, b) => a - b);
}

function binOf(cuts: number[], x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x >= cuts[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** X[i][f] raw feature values, y[i] in {0,1} (1 = bad). */
export function fitGbm(X: number[][], y: number[], partial: Partial<GbmOptions> = {}): Gbm {
  const o = { ...DEFAULT_GBM, ...partial };
  const n = X.length;
  const nf = X[0].length;
  const cuts = Array.from({ length: nf }, (_, f) => quantileCuts(X.map((r) => r[f]), o.bins));
  // Column-major bin codes: the histogram loops read one feature at a time.
  const B = cuts.map((c, f) => Uint8Array.from(X, (r) => binOf(c, r[f])));
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const base = Math.log(mean / (1 - mean));
  const F = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: Array<Node | number> = [];

  const leaf = (idx: number[]) => {
    let G = 0;
    let H = 0;
    for (const i of idx) {
      G += g[i];
      H += h[i];
    }
    return -G / (H + o.l2);
  };

  const grow = (idx: number[], depth: number): Node | number => {
    if (depth === 0 || idx.length < 2 * o.minLeaf) return leaf(idx);
    let Gt = 0;
    let Ht = 0;
    for (const i of idx) {
      Gt += g[i];
      Ht += h[i];
    }
    const parent = (Gt * Gt) / (Ht + o.l2);
    let best = { gain: 1e-9, feature: -1, bin: -1 };
    for (let f = 0; f < nf; f++) {
      const nb = cuts[f].length + 1;
      const hg = new Float64Array(nb);
      const hh = new Float64Array(nb);
      const hc = new Int32Array(nb);
      const col = B[f];
      for (const i of idx) {
        const b = col[i];
        hg[b] += g[i];
        hh[b] += h[i];
        hc[b]++;
      }
      let GL = 0;
      let HL = 0;
      let cL = 0;
      for (let b = 0; b < nb - 1; b++) {
        GL += hg[b];
        HL += hh[b];
        cL += hc[b];
        if (cL < o.minLeaf || idx.length - cL < o.minLeaf) continue;
        const GR = Gt - GL;
        const HR = Ht - HL;
        const gain = (GL * GL) / (HL + o.l2) + (GR * GR) / (HR + o.l2) - parent;
        if (gain > best.gain) best = { gain, feature: f, bin: b };
      }
    }
    if (best.feature < 0) return leaf(idx);
    // Left holds bins 0..best.bin, i.e. values below cuts[best.bin].
    const col = B[best.feature];
    const left = idx.filter((i) => col[i] <= best.bin);
    const right = idx.filter((i) => col[i] > best.bin);
    return { feature: best.feature, cut: cuts[best.feature][best.bin], bin: best.bin, left: grow(left, depth - 1), right: grow(right, depth - 1) };
  };

  const all = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(F[i]);
      g[i] = p - y[i];
      h[i] = p * (1 - p);
    }
    const tree = grow(all, o.depth);
    trees.push(tree);
    for (let i = 0; i < n; i++) F[i] += o.learningRate * predictBinned(tree, B, i);
  }
  return { base, cuts, trees, learningRate: o.learningRate };
}

/** predictTree for a training row from its bin codes: value < cut  <=>  bin <= the split's bin. */
function predictBinned(node: Node | number, B: Uint8Array[], i: number): number {
  let cur = node;
  while (typeof cur !== "number") cur = B[cur.feature][i] <= cur.bin ? cur.left : cur.right;
  return cur;
}

function predictTree(node: Node | number, x: number[]): number {
  let cur = node;
  while (typeof cur !== "number") cur = x[cur.feature] < cur.cut ? cur.left : cur.right;
  return cur;
}

/** ln(bad:good odds) of one row. */
export function gbmLogOddsBad(model: Gbm, x: number[]): number {
  let z = model.base;
  for (const t of model.trees) z += model.learningRate * predictTree(t, x);
  return z;
}
