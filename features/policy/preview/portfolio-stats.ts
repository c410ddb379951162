/**
 * What the preview needs that no policy changes: counts per score (tiers and migration come from
 * these, not from a pass over borrowers) and the "before" sums. Computed per block of positions
 * (columns.ts) and cached by the block's revision: the columns cache changes values in place and
 * bumps the changed blocks, so the next preview recomputes only those, then adds up the blocks.
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
  /** Float sums, accumulated in borrower order within a block, then block by block. */
  sumPdBalance: number;
  sumPdHeadroom: number;
  /** Borrowers per sex code (index 1 male, 2 female) and per age band. */
  bySex: Int32Array;
  byAgeBand: Int32Array;
};

/** One block's stats; maxScore < minScore when the block is empty. */
export type BlockStats = PortfolioStats & { maxScore: number; revision: number };

type Cached = { revision: number; stats: PortfolioStats; blocks: Array<BlockStats | undefined> };
const cache = new WeakMap<PortfolioColumns, Cached>();

/** The stats of every block, up to date (recomputed where the block's revision moved). */
export function blockStats(cols: PortfolioColumns): Array<BlockStats> {
  let hit = cache.get(cols);
  if (!hit) cache.set(cols, (hit = { revision: -1, stats: emptyStats(), blocks: [] }));
  const out: BlockStats[] = [];
  for (let k = 0; k < cols.blockRevision.length; k++) {
    let b = hit.blocks[k];
    if (!b || b.revision !== cols.blockRevision[k]) hit.blocks[k] = b = computeBlock(cols, k);
    out.push(b);
  }
  return out;
}

export function portfolioStats(cols: PortfolioColumns): PortfolioStats {
  const hit = cache.get(cols);
  if (hit && hit.revision === cols.revision) return hit.stats;
  const blocks = blockStats(cols);
  const stats = combine(blocks);
  cache.get(cols)!.revision = cols.revision;
  cache.get(cols)!.stats = stats;
  return stats;
}

function emptyStats(): PortfolioStats {
  return {
    minScore: 0, countByScore: new Int32Array(0), defaultersByScore: new Int32Array(0), defaulters: 0,
    sumLimit: 0, sumBalance: 0, sumHeadroom: 0, sumPdBalance: 0, sumPdHeadroom: 0, bySex: new Int32Array(256), byAgeBand: new Int32Array(256),
  };
}

function combine(blocks: BlockStats[]): PortfolioStats {
  const filled = blocks.filter((b) => b.maxScore >= b.minScore);
  if (!filled.length) return emptyStats();
  const minScore = Math.min(...filled.map((b) => b.minScore)), maxScore = Math.max(...filled.map((b) => b.maxScore));
  const out = { ...emptyStats(), minScore, countByScore: new Int32Array(maxScore - minScore + 1), defaultersByScore: new Int32Array(maxScore - minScore + 1) };
  for (const b of filled) {
    const at = b.minScore - minScore;
    for (let k = 0; k < b.countByScore.length; k++) {
      out.countByScore[at + k] += b.countByScore[k];
      out.defaultersByScore[at + k] += b.defaultersByScore[k];
    }
    for (let k = 0; k < 256; k++) {
      out.bySex[k] += b.bySex[k];
      out.byAgeBand[k] += b.byAgeBand[k];
    }
    out.defaulters += b.defaulters;
    out.sumLimit += b.sumLimit;
    out.sumBalance += b.sumBalance;
    out.sumHeadroom += b.sumHeadroom;
    out.sumPdBalance += b.sumPdBalance;
    out.sumPdHeadroom += b.sumPdHeadroom;
  }
  return out;
}

function computeBlock(cols: PortfolioColumns, k: number): BlockStats {
  const { score, pd, limit, balance, outcome, sex, ageBand } = cols;
  const from = k << cols.blockShift, to = Math.min(cols.n, (k + 1) << cols.blockShift);
  let minScore = from < to ? score[from] : 0;
  let maxScore = minScore - 1;
  for (let i = from; i < to; i++) {
    if (score[i] < minScore) minScore = score[i];
    if (score[i] > maxScore) maxScore = score[i];
  }
  const countByScore = new Int32Array(Math.max(maxScore - minScore + 1, 0));
  const defaultersByScore = new Int32Array(countByScore.length);
  const bySex = new Int32Array(256);
  const byAgeBand = new Int32Array(256);
  let defaulters = 0, sumLimit = 0, sumBalance = 0, sumHeadroom = 0, sumPdBalance = 0, sumPdHeadroom = 0;
  for (let i = from; i < to; i++) {
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
  return {
    minScore, maxScore, revision: cols.blockRevision[k], countByScore, defaultersByScore, defaulters,
    sumLimit, sumBalance, sumHeadroom, sumPdBalance, sumPdHeadroom, bySex, byAgeBand,
  };
}
