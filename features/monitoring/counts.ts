/**
 * Discrimination and calibration from counts (features/monitoring/aggregate.ts) instead of one
 * value per borrower. Same arithmetic, in the same order, as features/scoring/metrics.ts (auc, ks)
 * and features/scoring/calibration.ts (reliability) — counts.test.ts checks they agree exactly —
 * so a month of any size is judged in memory proportional to its distinct scores.
 */
import { r6 } from "@/features/scoring/round";
import { chi2SurvivalEven, type Reliability, type ReliabilityBand } from "@/features/scoring/calibration";
import type { CalibrationBandInput, ScoreCount } from "./aggregate";

/** Risk groups ascending (risk = -score: highest score first), as metrics.ts builds them. */
function riskGroups(scores: ScoreCount[]) {
  const gs = [...scores].reverse().map((s) => ({ bads: s.bads, goods: s.n - s.bads }));
  const bads = gs.reduce((s, g) => s + g.bads, 0);
  const goods = gs.reduce((s, g) => s + g.goods, 0);
  if (bads === 0 || goods === 0) throw new Error("metrics need at least one bad and one good");
  return { gs, bads, goods };
}

export function aucOfCounts(scores: ScoreCount[]): number {
  const { gs, bads, goods } = riskGroups(scores);
  let goodsBelow = 0;
  let wins = 0;
  for (const g of gs) {
    wins += g.bads * (goodsBelow + g.goods / 2);
    goodsBelow += g.goods;
  }
  return wins / (bads * goods);
}

export function ksOfCounts(scores: ScoreCount[]): number {
  const { gs, bads, goods } = riskGroups(scores);
  let cb = 0;
  let cg = 0;
  let best = 0;
  for (const g of gs) {
    cb += g.bads;
    cg += g.goods;
    best = Math.max(best, Math.abs(cb / bads - cg / goods));
  }
  return best;
}

/** The reliability table and Hosmer-Lemeshow test from the bands' sums. */
export function reliabilityOfBands(input: CalibrationBandInput[]): Reliability {
  let chi2 = 0;
  const bands: ReliabilityBand[] = input.map((b) => {
    const predicted = b.pdSum / b.n;
    const observed = b.bads / b.n;
    const expBad = predicted * b.n;
    if (expBad > 0 && expBad < b.n) chi2 += (observed * b.n - expBad) ** 2 / (expBad * (1 - predicted));
    return { band: b.band, minScore: b.minScore, maxScore: b.maxScore, n: b.n, predicted: r6(predicted), observed: r6(observed), error: r6(observed - predicted) };
  });
  const abs = bands.map((b) => Math.abs(b.error));
  const df = Math.max(2, bands.length - 2);
  return {
    bands,
    meanAbsError: r6(abs.reduce((s, v) => s + v, 0) / abs.length),
    worstAbsError: r6(Math.max(...abs)),
    hosmerLemeshow: { chi2: r6(chi2), df, p: Number(chi2SurvivalEven(chi2, df).toPrecision(6)) },
  };
}
