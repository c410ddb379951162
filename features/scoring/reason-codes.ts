/**
 * Reason codes. Adverse: EVERY characteristic that cost the borrower points relative to its best
 * bin, largest loss first (ties keep model order), so the listed losses add up exactly to the
 * points between the borrower and the best possible score (with 10 characteristics a top-4 list
 * left the total short for many borrowers). Positive: characteristics on which the borrower earns
 * more than the training sample's average points, largest excess first — the reasons given with a
 * limit increase. The credit limit is never a characteristic, so never a (circular) reason.
 */
import type { ScoreModel } from "./model-types";

export type ReasonCode = { code: string; text: string; pointsLost: number };
export type PositiveReason = { code: string; text: string; pointsAboveAverage: number };

/** Best (highest) points of each characteristic, in model order. */
export function bestPoints(model: ScoreModel): number[] {
  return model.characteristics.map((c) => Math.max(...c.bins.map((b) => b.points)));
}

/**
 * `points[i]` = the borrower's points on characteristic i (model order). `max` trims the list.
 * `bins[i]` (the bin index) picks a bin's own reason text where it has one (the other side of a
 * learned-shape characteristic); without it every reason is the characteristic's.
 */
export function reasonCodes(
  model: ScoreModel,
  points: number[],
  best: number[] = bestPoints(model),
  max = Infinity,
  bins?: number[],
): ReasonCode[] {
  // Plain loops: this runs for every borrower-month when a portfolio is scored.
  const losing: number[] = [];
  for (let i = 0; i < points.length; i++) if (best[i] - points[i] > 0) losing.push(i);
  // Stable order: larger loss first, then characteristic order.
  losing.sort((a, b) => best[b] - points[b] - (best[a] - points[a]) || a - b);
  const out: ReasonCode[] = [];
  for (const i of losing.slice(0, max)) {
    const c = model.characteristics[i];
    const text = (bins ? c.bins[bins[i]]?.reasonText : undefined) ?? c.reasonText;
    out.push({ code: c.code, text, pointsLost: best[i] - points[i] });
  }
  return out;
}

/**
 * Positive reasons for `points` (model order): characteristics scoring above their training
 * average, largest margin first (ties keep model order). Pure; callable for increase notices.
 */
export function positiveReasons(model: ScoreModel, points: number[], max = Infinity): PositiveReason[] {
  const rows: PositiveReason[] = [];
  model.characteristics.forEach((c, i) => {
    const above = Number((points[i] - (c.averagePoints ?? 0)).toFixed(2));
    if (above > 0) rows.push({ code: c.code, text: c.positiveText ?? `Better than average: ${c.description}`, pointsAboveAverage: above });
  });
  const order = rows.map((r, i) => [r, i] as const).sort((a, b) => b[0].pointsAboveAverage - a[0].pointsAboveAverage || a[1] - b[1]);
  return order.slice(0, max).map(([r]) => r);
}
