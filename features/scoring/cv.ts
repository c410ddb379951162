/**
 * Repeated stratified k-fold cross-validation of the WHOLE fitting method (binning, characteristic
 * selection, regression, points) on the training sample only: in each fold everything is chosen
 * on the other k-1 folds and scored, as published integer scores, on the held-out fold.
 * Deterministic: folds come from a seeded PRNG (mulberry32), so the report is byte-for-byte
 * reproducible. The fixed holdout (IDs above trainMaxId) is never used here.
 */
import type { BorrowerRecord } from "@/features/import/types";
import { reliability } from "./calibration";
import { summarise } from "./evaluate";
import { r6 } from "./round";

export type CvOptions = { folds: number; repeats: number; seed: number };
export const DEFAULT_CV: CvOptions = { folds: 5, repeats: 3, seed: 20051001 };

export type MeanSd = { mean: number; sd: number };
export type CvReport = {
  folds: number;
  repeats: number;
  seed: number;
  /** Borrowers in the training sample the folds are drawn from. */
  n: number;
  auc: MeanSd;
  ks: MeanSd;
  /** Calibration of the test folds (PD table fitted on the training folds): 10-band errors. */
  calibration: { meanAbsError: MeanSd; worstAbsError: MeanSd } | null;
  /** One entry per (repeat, fold), in order. */
  runs: Array<{ repeat: number; fold: number; auc: number; ks: number; meanAbsError?: number; worstAbsError?: number }>;
};

/** mulberry32: tiny, fast, seeded PRNG in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number (0..k-1) per row: bads and goods are each shuffled and dealt round-robin. */
export function stratifiedFolds(outcomes: number[], k: number, rand: () => number): number[] {
  const fold = new Array<number>(outcomes.length).fill(0);
  for (const cls of [0, 1]) {
    const idx = outcomes.flatMap((o, i) => (o === cls ? [i] : []));
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((row, n) => (fold[row] = n % k));
  }
  return fold;
}

export function meanSd(xs: number[]): MeanSd {
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean: r6(mean), sd: r6(sd) };
}

/**
 * `fitAndScore(train, test)` fits a model on `train` and returns the integer scores of `test`
 * (higher = safer), and their PDs when the model is calibrated. Each fold is fitted from scratch.
 */
export function crossValidate(
  rows: BorrowerRecord[],
  fitAndScore: (train: BorrowerRecord[], test: BorrowerRecord[]) => { scores: number[]; pds?: number[] },
  opts: CvOptions = DEFAULT_CV,
): CvReport {
  const rand = mulberry32(opts.seed);
  const runs: CvReport["runs"] = [];
  for (let rep = 0; rep < opts.repeats; rep++) {
    const fold = stratifiedFolds(rows.map((r) => r.outcome), opts.folds, rand);
    for (let f = 0; f < opts.folds; f++) {
      const train = rows.filter((_, i) => fold[i] !== f);
      const test = rows.filter((_, i) => fold[i] === f);
      const bad = test.map((r) => r.outcome);
      const { scores, pds } = fitAndScore(train, test);
      const m = summarise(scores, bad);
      const rel = pds ? reliability(scores, bad, pds) : null;
      runs.push({
        repeat: rep + 1,
        fold: f + 1,
        auc: m.auc,
        ks: m.ks,
        ...(rel ? { meanAbsError: rel.meanAbsError, worstAbsError: rel.worstAbsError } : {}),
      });
    }
  }
  return {
    ...opts,
    n: rows.length,
    auc: meanSd(runs.map((r) => r.auc)),
    ks: meanSd(runs.map((r) => r.ks)),
    calibration: runs.every((r) => r.meanAbsError !== undefined)
      ? { meanAbsError: meanSd(runs.map((r) => r.meanAbsError as number)), worstAbsError: meanSd(runs.map((r) => r.worstAbsError as number)) }
      : null,
    runs,
  };
}
