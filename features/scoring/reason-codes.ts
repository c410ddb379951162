/**
 * Reason codes: the characteristics that cost the borrower the most points relative to the best
 * bin of each characteristic. Ties keep model (characteristic) order; only real losses are listed.
 */
import type { ScoreModel } from "./model-types";

export type ReasonCode = { code: string; text: string; pointsLost: number };

export const MAX_REASON_CODES = 4;

/** Best (highest) points of each characteristic, in model order. */
export function bestPoints(model: ScoreModel): number[] {
  return model.characteristics.map((c) => Math.max(...c.bins.map((b) => b.points)));
}

/** `points[i]` = the borrower's points on characteristic i (model order). */
export function reasonCodes(
  model: ScoreModel,
  points: number[],
  best: number[] = bestPoints(model),
  max = MAX_REASON_CODES,
): ReasonCode[] {
  // Plain loops: this runs for every borrower-month when a portfolio is scored.
  const losing: number[] = [];
  for (let i = 0; i < points.length; i++) if (best[i] - points[i] > 0) losing.push(i);
  // Stable order: larger loss first, then characteristic order.
  losing.sort((a, b) => best[b] - points[b] - (best[a] - points[a]) || a - b);
  const out: ReasonCode[] = [];
  for (const i of losing.slice(0, max)) {
    const c = model.characteristics[i];
    out.push({ code: c.code, text: c.reasonText, pointsLost: best[i] - points[i] });
  }
  return out;
}
