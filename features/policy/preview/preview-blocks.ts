/**
 * The preview's pass over the borrowers, block by block (columns.ts: blocks of positions), each
 * block's share cached for the last few drafts. See blockPass.
 */
import type { PolicyConfig } from "@/features/policy/schema";
import type { PortfolioColumns } from "./columns";
import type { BlockStats } from "./portfolio-stats";

/** One block's share of the pass: what the loop adds up, for one draft. */
export type BlockPass = {
  incCount: number; incAmount: number; decCount: number; decAmount: number; defaultersIncreased: number; goodCut: number;
  shock: number; toZero: number; headroomAfter: number; pdHeadroomAfter: number; cutBySex: Int32Array; cutByAgeBand: Int32Array;
};
/** A block's pass is valid for the block's revision and the draft's inputs to the loop: these limits and each score's factor. */
type CachedPass = { revision: number; minLimit: number; maxLimit: number; blockWithin: number; factors: Float64Array; pass: BlockPass };
const PASSES_PER_BLOCK = 4;
const passCache = new WeakMap<PortfolioColumns, CachedPass[][]>();
/** Blocks passed over since the process started (tests and benchmarks read it: a cache hit adds nothing). */
export const blockPassCounter = { computed: 0 };

/**
 * The pass over one block of positions [from, to): new limit, change counts, cut groups, headroom.
 * `factorAt` is indexed by score − minScore.
 */
function passBlock(cols: PortfolioColumns, from: number, to: number, factorAt: Float64Array, minScore: number, draft: PolicyConfig): BlockPass {
  const { score, pd, limit, balance, monthsSinceDelay, outcome, sex, ageBand } = cols;
  const maxLimit = draft.maxLimit, minLimit = draft.minLimit;
  const blockWithin = draft.noIncreaseIfDelayedWithinMonths; // blocked when monthsSinceDelay < this
  const cutBySex = new Int32Array(256), cutByAgeBand = new Int32Array(256);
  let incCount = 0, incAmount = 0, decCount = 0, decAmount = 0, defaultersIncreased = 0, goodCut = 0, shock = 0, toZero = 0;
  // Σ max(new limit − balance, 0) (exact integer) and Σ pd × that, over EVERY borrower: a sum of
  // non-negative terms. Adding only the changes to the cached "before" sum would cancel
  // catastrophically when cuts remove almost all headroom.
  let headroomAfter = 0, pdHeadroomAfter = 0;

  for (let i = from; i < to; i++) {
    const l = limit[i], b = balance[i];
    // roundToThousand (rounding.ts), inlined: exact integers, half up.
    let p = Math.floor((l * factorAt[score[i] - minScore] + 5_000_000) / 10_000_000) * 1000;
    if (p > l) {
      if (monthsSinceDelay[i] < blockWithin) p = l;
      else if (p > maxLimit) p = maxLimit > l ? maxLimit : l; // the cap never cuts
    } else if (p < l) {
      if (p < minLimit) p = minLimit;
      const floor = Math.ceil(b / 1000) * 1000;
      if (p < floor) p = floor;
      if (p > l) p = l;
    }
    if (p > l) {
      incCount++;
      incAmount += p - l;
      if (outcome[i] === 1) defaultersIncreased++;
    } else if (p < l) {
      decCount++;
      decAmount += l - p;
      if (outcome[i] === 0) goodCut++;
      cutBySex[sex[i]]++;
      cutByAgeBand[ageBand[i]]++;
      if (10 * b > 9 * p) shock++; // balance / new limit > 0.9, in integers
      if (p <= b && l > b) toZero++; // had credit left, has none after
    }
    if (p > b) {
      headroomAfter += p - b;
      pdHeadroomAfter += pd[i] * (p - b);
    }
  }
  return { incCount, incAmount, decCount, decAmount, defaultersIncreased, goodCut, shock, toZero, headroomAfter, pdHeadroomAfter, cutBySex, cutByAgeBand };
}

/**
 * The pass of block k for this draft: cached per block (a few drafts each) and reused while the
 * block's values and the draft's loop inputs for the block's scores are the same. A repeated or
 * slightly edited draft, or a preview after a few limit changes, recomputes only the blocks it
 * touches; a draft that changes every score's factor (or a limit bound) costs the full pass.
 */
export function blockPass(cols: PortfolioColumns, k: number, block: BlockStats, factorAt: Float64Array, minScore: number, draft: PolicyConfig): BlockPass {
  let passes = passCache.get(cols);
  if (!passes) passCache.set(cols, (passes = []));
  const list = (passes[k] ??= []);
  const lo = block.minScore - minScore, width = Math.max(block.maxScore - block.minScore + 1, 0);
  const revision = cols.blockRevision[k];
  const { minLimit, maxLimit, noIncreaseIfDelayedWithinMonths: blockWithin } = draft;
  const same = (c: CachedPass) => {
    if (c.revision !== revision || c.minLimit !== minLimit || c.maxLimit !== maxLimit || c.blockWithin !== blockWithin || c.factors.length !== width) return false;
    for (let j = 0; j < width; j++) if (c.factors[j] !== factorAt[lo + j]) return false;
    return true;
  };
  const at = list.findIndex(same);
  if (at >= 0) {
    // Least recently used goes first: the active policy's baseline, asked with every draft, stays.
    const [hit] = list.splice(at, 1);
    list.unshift(hit);
    return hit.pass;
  }
  blockPassCounter.computed++;
  const pass = passBlock(cols, k << cols.blockShift, Math.min(cols.n, (k + 1) << cols.blockShift), factorAt, minScore, draft);
  list.unshift({ revision, minLimit, maxLimit, blockWithin, factors: factorAt.slice(lo, lo + width), pass });
  if (list.length > PASSES_PER_BLOCK) list.length = PASSES_PER_BLOCK;
  return pass;
}
