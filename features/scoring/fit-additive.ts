/**
 * The v3 fit: fine bins per characteristic (at least `minShare` of the sample each) -> boosted
 * additive stumps (./additive.ts) -> integer points per fine bin -> adjacent bins with equal points
 * merged. The result is the same kind of points table as the WoE fit (bins, points, WoE and IV
 * shown for evidence), so scoring, reason codes and monitoring are unchanged. A characteristic
 * whose points are all equal carries no information and is left out.
 */
import { binIndex, chiMergeCuts, countBins } from "./binning";
import { DEFAULT_ADDITIVE, fitAdditive, type AdditiveOptions } from "./additive";
import type { FeatureDef } from "./features";
import { binLabel, roundCut } from "./labels";
import type { ModelBin, ModelCharacteristic } from "./model-types";
import { r6 } from "./round";
import type { Scaling } from "./scaling";
import { woeTable } from "./woe";

export type AdditiveFitOptions = AdditiveOptions & { fineBins: number; minShare: number };
export const DEFAULT_ADDITIVE_FIT: AdditiveFitOptions = { ...DEFAULT_ADDITIVE, fineBins: 32, minShare: 0.01 };

/** Which bins sit on the "other" side of the safest bin (free-shape characteristics only). */
function otherSide(def: FeatureDef, points: number[]): (k: number) => boolean {
  if (!def.otherSideReasonText) return () => false;
  const best = Math.max(...points);
  const first = points.indexOf(best);
  const last = points.lastIndexOf(best);
  // "up": risk rises with the value, so the other side is below the safest bin; "down": above it.
  return def.monotone === "up" ? (k) => k < first : (k) => k > last;
}

export function fitAdditivePoints(
  defs: FeatureDef[],
  cols: number[][],
  bad: number[],
  opts: AdditiveFitOptions,
  scaling: Pick<Scaling, "factor" | "offset">,
): { characteristics: ModelCharacteristic[]; intercept: number; basePoints: number } {
  const fine = defs.map((d, j) => {
    const cuts = chiMergeCuts(cols[j], bad, { fineBins: opts.fineBins, maxBins: Number.MAX_SAFE_INTEGER, chiThreshold: 0, minShare: opts.minShare, forcedCuts: d.forcedCuts ?? [], round: roundCut(d) });
    // Status codes: "no use", "paid in full" and "revolving" are all on time, so they share one bin
    // (a delay reason must never be given to a borrower who was not late); card use is judged by
    // the usage characteristics instead.
    return d.kind === "status" ? cuts.filter((c) => c >= 1) : cuts;
  });
  const bins = cols.map((c, j) => Uint16Array.from(c, (v) => binIndex(fine[j], v)));
  const monotone = defs.map((d) => (d.otherSideReasonText ? "none" : d.monotone));
  const fit = fitAdditive(bins, fine.map((c) => c.length + 1), monotone, bad, opts);
  const characteristics: ModelCharacteristic[] = [];
  defs.forEach((def, j) => {
    const finePoints = fit.values[j].map((v) => Math.round(-scaling.factor * v) + 0); // + 0: no -0
    // Keep a cut only where the points change: equal neighbours are one bin.
    const cuts = fine[j].filter((_, k) => finePoints[k] !== finePoints[k + 1]);
    if (cuts.length === 0) return;
    const points = [finePoints[0], ...fine[j].flatMap((_, k) => (finePoints[k] !== finePoints[k + 1] ? [finePoints[k + 1]] : []))];
    const { bins: woe, iv } = woeTable(countBins(cuts, cols[j], bad));
    const other = otherSide(def, points);
    characteristics.push({
      name: def.name,
      code: def.code,
      description: def.description,
      reasonText: def.reasonText,
      positiveText: def.positiveText,
      bins: woe.map((b, k): ModelBin => {
        const lower = k === 0 ? null : cuts[k - 1];
        const upper = k === cuts.length ? null : cuts[k];
        return {
          label: binLabel(def, lower, upper),
          // Cuts are stored exactly, never rounded: a share such as 1/6 IS a cut, and r6(1/6) = 0.166667
          // would put every borrower at exactly 1/6 in the bin below (scoring compares x >= lower).
          lower,
          upper,
          woe: r6(b.woe),
          points: points[k],
          count: b.count,
          bads: b.bads,
          badRate: r6(b.badRate),
          ...(other(k) ? { reasonText: def.otherSideReasonText } : {}),
        };
      }),
      shape: def.otherSideReasonText ? "learned" : "monotone",
      iv: r6(iv),
    });
  });
  const intercept = -fit.base; // ln(odds good:bad) of the average borrower
  return { characteristics, intercept: r6(intercept), basePoints: Math.round(scaling.offset + scaling.factor * intercept) };
}
