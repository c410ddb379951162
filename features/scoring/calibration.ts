/**
 * PD calibration: a monotone step table from integer score to PD, fitted on training data by
 * isotonic regression (pool-adjacent-violators) of the observed default on the score, with blocks
 * of at least `minBlock` borrowers so a handful of defaults cannot set a PD. One score -> one PD,
 * and PD never rises with the score. Plus the reliability table used to judge it (predicted vs
 * observed default rate in 10 equal-count score bands) and the Hosmer-Lemeshow test.
 */
import { r6 } from "./round";

export type CalibrationBlock = { from: number; to: number; pd: number; count: number; bads: number };
export type Calibration = { method: "isotonic"; minBlock: number; table: CalibrationBlock[] };

export type ReliabilityBand = {
  band: number;
  minScore: number;
  maxScore: number;
  n: number;
  predicted: number;
  observed: number;
  /** observed - predicted, as a share (0.01 = 1 percentage point). */
  error: number;
};
export type Reliability = {
  bands: ReliabilityBand[];
  meanAbsError: number;
  worstAbsError: number;
  hosmerLemeshow: { chi2: number; df: number; p: number };
};

type Block = { from: number; to: number; n: number; bads: number };
const rate = (b: Block) => b.bads / b.n;

export function fitCalibration(scores: number[], bad: number[], range: { min: number; max: number }, minBlock = 300): Calibration {
  const byScore = new Map<number, Block>();
  scores.forEach((s, i) => {
    const b = byScore.get(s) ?? { from: s, to: s, n: 0, bads: 0 };
    b.n++;
    b.bads += bad[i];
    byScore.set(s, b);
  });
  // Ascending score: the default rate must not rise, so a block riskier than the one before merges.
  const stack: Block[] = [];
  for (const b of [...byScore.values()].sort((x, y) => x.from - y.from)) {
    stack.push({ ...b });
    for (;;) {
      const n = stack.length;
      if (n < 2) break;
      const [p, c] = [stack[n - 2], stack[n - 1]];
      if (rate(c) < rate(p) && p.n >= minBlock) break;
      stack.splice(n - 2, 2, { from: p.from, to: c.to, n: p.n + c.n, bads: p.bads + c.bads });
    }
  }
  // A too-small last block joins its neighbour (the loop above only checks blocks with a successor).
  while (stack.length > 1 && stack[stack.length - 1].n < minBlock) {
    const c = stack.pop() as Block;
    const p = stack.pop() as Block;
    stack.push({ from: p.from, to: c.to, n: p.n + c.n, bads: p.bads + c.bads });
  }
  const table = stack.map((b, i) => ({
    // Blocks cover the whole score range without gaps: each runs up to the next block's start.
    from: i === 0 ? range.min : b.from,
    to: i === stack.length - 1 ? range.max : stack[i + 1].from - 1,
    pd: r6(rate(b)),
    count: b.n,
    bads: b.bads,
  }));
  return { method: "isotonic", minBlock, table };
}

/** PD of an integer score: the block whose [from, to] holds it (clamped to the table's ends). */
export function calibratedPd(cal: Calibration, score: number): number {
  const t = cal.table;
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid].from <= score) lo = mid;
    else hi = mid - 1;
  }
  return t[lo].pd;
}

/** Upper tail of chi-square with an even number of degrees of freedom (closed form). */
export function chi2SurvivalEven(x: number, df: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < df / 2; k++) {
    term *= x / 2 / k;
    sum += term;
  }
  return Math.exp(-x / 2) * sum;
}

/** Reliability in `bands` equal-count bands of ascending score (ties broken by input order). */
export function reliability(scores: number[], bad: number[], pd: number[], bands = 10): Reliability {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b);
  const out: ReliabilityBand[] = [];
  let chi2 = 0;
  for (let k = 0; k < bands; k++) {
    const idx = order.slice(Math.floor((k * order.length) / bands), Math.floor(((k + 1) * order.length) / bands));
    if (idx.length === 0) continue;
    const n = idx.length;
    const predicted = idx.reduce((s, i) => s + pd[i], 0) / n;
    const observed = idx.reduce((s, i) => s + bad[i], 0) / n;
    const expBad = predicted * n;
    if (expBad > 0 && expBad < n) chi2 += (observed * n - expBad) ** 2 / (expBad * (1 - predicted));
    out.push({
      band: k + 1,
      minScore: scores[idx[0]],
      maxScore: scores[idx[n - 1]],
      n,
      predicted: r6(predicted),
      observed: r6(observed),
      error: r6(observed - predicted),
    });
  }
  const abs = out.map((b) => Math.abs(b.error));
  const df = Math.max(2, out.length - 2);
  return {
    bands: out,
    meanAbsError: r6(abs.reduce((s, v) => s + v, 0) / abs.length),
    worstAbsError: r6(Math.max(...abs)),
    hosmerLemeshow: { chi2: r6(chi2), df, p: Number(chi2SurvivalEven(chi2, df).toPrecision(6)) },
  };
}
