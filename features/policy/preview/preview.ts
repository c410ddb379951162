/**
 * Fast policy impact preview, the one the UI and the API call. Tiers and migration come from the
 * per-score counts; the "before" sums are policy-independent (portfolio-stats.ts). What is left is
 * one branchy-but-tight pass over the typed arrays (new limit, change counts, cut groups, headroom),
 * block by block, each block's share cached (blockPass).
 * Integer NT$ sums are exact (< 2^53); EAD/EL are sums of non-negative floats in borrower order,
 * equal to the reference's within relative 1e-9.
 */
import type { PolicyConfig } from "@/features/policy/schema";
import type { PortfolioColumns } from "./columns";
import { fairnessGroups } from "./fairness";
import { blockStats, portfolioStats, type PortfolioStats } from "./portfolio-stats";
import { blockPass } from "./preview-blocks";
import { changeFactor } from "./rounding";
import { AIR_THRESHOLD, type PolicyPreview, type TierCounts } from "./types";

const LOW = 0, MEDIUM = 1, HIGH = 2;
const tierIndex = (score: number, c: PolicyConfig["cutoffs"]) => (score >= c.low ? LOW : score >= c.medium ? MEDIUM : HIGH);
const counts = (t: number[]): TierCounts => ({ LOW: t[LOW], MEDIUM: t[MEDIUM], HIGH: t[HIGH] });
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Tier counts, migration and defaulters in HIGH after, from the per-score counts (≤ 601 steps). */
function tierFigures(stats: PortfolioStats, active: PolicyConfig, draft: PolicyConfig) {
  const before = [0, 0, 0], after = [0, 0, 0];
  const migration = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  let defaultersInHighAfter = 0;
  for (let k = 0; k < stats.countByScore.length; k++) {
    const count = stats.countByScore[k];
    const s = stats.minScore + k;
    const tb = tierIndex(s, active.cutoffs), ta = tierIndex(s, draft.cutoffs);
    before[tb] += count;
    after[ta] += count;
    migration[tb][ta] += count;
    if (ta === HIGH) defaultersInHighAfter += stats.defaultersByScore[k];
  }
  return { tiers: { before: counts(before), after: counts(after) }, migration, defaultersInHighAfter };
}

/** The draft's change factor for every score in the portfolio's range (no tier branch in the loop). */
function factorsByScore(stats: PortfolioStats, draft: PolicyConfig): Float64Array {
  const byTier = [changeFactor(draft.actions.LOW.changePct), changeFactor(draft.actions.MEDIUM.changePct), changeFactor(draft.actions.HIGH.changePct)];
  const out = new Float64Array(stats.countByScore.length);
  for (let k = 0; k < out.length; k++) out[k] = byTier[tierIndex(stats.minScore + k, draft.cutoffs)];
  return out;
}

export function previewPolicy(cols: PortfolioColumns, active: PolicyConfig, draft: PolicyConfig): PolicyPreview {
  const stats = portfolioStats(cols);
  const { tiers, migration, defaultersInHighAfter } = tierFigures(stats, active, draft);
  const factorAt = factorsByScore(stats, draft);
  const n = cols.n;
  const cutBySex = new Int32Array(256), cutByAgeBand = new Int32Array(256);
  let incCount = 0, incAmount = 0, decCount = 0, decAmount = 0, defaultersIncreased = 0, goodCut = 0, shock = 0, toZero = 0;
  let headroomAfter = 0, pdHeadroomAfter = 0;
  const blocks = blockStats(cols);
  for (let k = 0; k < blocks.length; k++) {
    const p = blockPass(cols, k, blocks[k], factorAt, stats.minScore, draft);
    incCount += p.incCount;
    incAmount += p.incAmount;
    decCount += p.decCount;
    decAmount += p.decAmount;
    defaultersIncreased += p.defaultersIncreased;
    goodCut += p.goodCut;
    shock += p.shock;
    toZero += p.toZero;
    headroomAfter += p.headroomAfter;
    pdHeadroomAfter += p.pdHeadroomAfter;
    for (let j = 0; j < 256; j++) {
      cutBySex[j] += p.cutBySex[j];
      cutByAgeBand[j] += p.cutByAgeBand[j];
    }
  }

  const defaulters = stats.defaulters, nonDefaulters = n - defaulters;
  return {
    month: cols.month,
    n,
    tiers,
    migration,
    changes: {
      increase: { count: incCount, amount: incAmount },
      decrease: { count: decCount, amount: decAmount },
      unchanged: { count: n - incCount - decCount },
    },
    exposure: { before: stats.sumLimit, after: stats.sumLimit + incAmount - decAmount },
    ead: { before: stats.sumBalance + active.ccf * stats.sumHeadroom, after: stats.sumBalance + draft.ccf * headroomAfter },
    expectedLoss: {
      before: active.lgd * (stats.sumPdBalance + active.ccf * stats.sumPdHeadroom),
      after: draft.lgd * (stats.sumPdBalance + draft.ccf * pdHeadroomAfter),
    },
    backtest: {
      defaulters,
      nonDefaulters,
      defaultersInHighAfter,
      defaultersInHighAfterShare: share(defaultersInHighAfter, defaulters),
      goodBorrowersCut: goodCut,
      goodBorrowersCutShare: share(goodCut, nonDefaulters),
      defaultersIncreased,
      defaultersIncreasedShare: share(defaultersIncreased, defaulters),
    },
    availableCredit: { before: stats.sumHeadroom, after: headroomAfter, fallsToZero: toZero },
    utilizationShock: { count: shock },
    fairness: { groups: fairnessGroups(stats.bySex, cutBySex, stats.byAgeBand, cutByAgeBand), threshold: AIR_THRESHOLD },
  };
}
