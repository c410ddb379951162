/**
 * Weight of evidence and information value per bin.
 * Convention: WoE = ln(share of goods / share of bads), so a POSITIVE WoE means a SAFER bin,
 * matching the score direction (higher = safer). Empty cells get +0.5 (Laplace-style) so a bin
 * with no bads does not produce an infinite WoE.
 */
import type { BinCounts } from "./binning";

export type WoeBin = { count: number; bads: number; woe: number; badRate: number };

export const WOE_SMOOTHING = 0.5;

export function woeTable(bins: BinCounts[]): { bins: WoeBin[]; iv: number } {
  const totalBads = bins.reduce((s, b) => s + b.bads, 0);
  const totalGoods = bins.reduce((s, b) => s + b.count - b.bads, 0);
  let iv = 0;
  const out = bins.map((b) => {
    const goods = b.count - b.bads;
    const smooth = goods === 0 || b.bads === 0 ? WOE_SMOOTHING : 0;
    const goodShare = (goods + smooth) / totalGoods;
    const badShare = (b.bads + smooth) / totalBads;
    const woe = Math.log(goodShare / badShare);
    iv += (goodShare - badShare) * woe;
    return { count: b.count, bads: b.bads, woe, badRate: b.count > 0 ? b.bads / b.count : 0 };
  });
  return { bins: out, iv };
}
