/**
 * Large synthetic portfolios for the benchmark: n borrowers sampled with replacement from the real
 * ones (each sampled borrower keeps all its own fields; ids are new), with a fixed-seed PRNG so every
 * run measures the same data. Written straight into typed arrays: no per-row objects at 10 M.
 */
import { allocateColumns, type PortfolioColumns } from "@/features/policy/preview/columns";

/** mulberry32: tiny, fast, good enough to pick rows; the seed fixes the sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sampled rows come out in ascending score order, like columnsFromRecords (see columns.ts). */
export function bootstrapColumns(base: PortfolioColumns, n: number, seed = 20051001): PortfolioColumns {
  const random = prng(seed);
  const picks = new Int32Array(n);
  for (let i = 0; i < n; i++) picks[i] = Math.floor(random() * base.n);
  // Counting sort of the picks by score: O(n), no comparator calls on 10 M items.
  let min = 0x7fff, max = -0x8000;
  for (let j = 0; j < base.n; j++) {
    min = Math.min(min, base.score[j]);
    max = Math.max(max, base.score[j]);
  }
  const next = new Int32Array(Math.max(max - min + 2, 1));
  for (let i = 0; i < n; i++) next[base.score[picks[i]] - min + 1]++;
  for (let s = 1; s < next.length; s++) next[s] += next[s - 1];
  const out = allocateColumns(n, base.month);
  for (let k = 0; k < n; k++) {
    const j = picks[k];
    const i = next[base.score[j] - min]++;
    out.id[i] = k + 1;
    out.score[i] = base.score[j];
    out.pd[i] = base.pd[j];
    out.limit[i] = base.limit[j];
    out.balance[i] = base.balance[j];
    out.monthsSinceDelay[i] = base.monthsSinceDelay[j];
    out.outcome[i] = base.outcome[j];
    out.sex[i] = base.sex[j];
    out.ageBand[i] = base.ageBand[j];
  }
  return out;
}
