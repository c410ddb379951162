/**
 * What the preview needs that no policy changes: counts per score (tiers and migration come from
 * these, not from a pass over borrowers) and the "before" sums. Cached per columns object and
 * revision: the columns cache changes values in place and bumps `revision`, and the next preview
 * recomputes them (one pass, the same order as the preview itself).
 */
import type { PortfolioColumns } from "./columns";

export type PortfolioStats = {
  /** Score of index 0 in the per-score arrays. */
  minScore: number;
  countByScore: Int32Array;
  defaultersByScore: Int32Array;
  defaulters: number;
  /** Exact integer sums (< 2^53). headroom = max(limit − balance, 0). */
  sumLimit: number;
  sumBalance: number;
  sumHeadroom: number;
  /** Float sums, accumulated in borrower order. */
  sumPdBalance: number;
  sumPdHeadroom: number;
  /** Borrowers per sex code (index 1 male, 2 female) and per age band. */
  bySex: Int32Array;
  byAgeBand: Int32Array;
};

const cache = new WeakMap<PortfolioColumns, { revision: number; stats: PortfolioStats }>();

export function portfolioStats(cols: PortfolioColumns): PortfolioStats {
  const hit = cache.get(cols);
  if (hit && hit.revision === cols.revision) return hit.stats;
  const stats = computeStats(cols);
  cache.set(cols, { revision: cols.revision, stats });
  return stats;
}

function computeStats(cols: PortfolioColumns): PortfolioStats {
  const { n, score, pd, limit, balance, outcome, sex, ageBand } = cols;
  let minScore = n > 0 ? score[0] : 0;
  let maxScore = minScore - 1;
  for (let i = 0; i < n; i++) {
    if (score[i] < minScore) minScore = score[i];
    if (score[i] > maxScore) maxScore = score[i];
  }
  const countByScore = new Int32Array(maxScore - minScore + 1);
  const defaultersByScore = new Int32Array(maxScore - minScore + 1);
  const bySex = new Int32Array(256);
  const byAgeBand = new Int32Array(256);
  let defaulters = 0, sumLimit = 0, sumBalance = 0, sumHeadroom = 0, sumPdBalance = 0, sumPdHeadroom = 0;
  for (let i = 0; i < n; i++) {
    const s = score[i] - minScore;
    countByScore[s]++;
    if (outcome[i] === 1) {
      defaultersByScore[s]++;
      defaulters++;
    }
    const l = limit[i], b = balance[i], p = pd[i];
    const headroom = l > b ? l - b : 0;
    sumLimit += l;
    sumBalance += b;
    sumHeadroom += headroom;
    sumPdBalance += p * b;
    sumPdHeadroom += p * headroom;
    bySex[sex[i]]++;
    byAgeBand[ageBand[i]]++;
  }
  return { minScore, countByScore, defaultersByScore, defaulters, sumLimit, sumBalance, sumHeadroom, sumPdBalance, sumPdHeadroom, bySex, byAgeBand };
}
