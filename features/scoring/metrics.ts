/**
 * Discrimination metrics. `risk` is any number where HIGHER = MORE LIKELY BAD (pass -score for a
 * credit score); `bad` is 1 for a default, 0 otherwise. Tied risks are handled exactly: a tie
 * between a bad and a good counts half in the AUC, and KS/ROC only step between distinct values.
 */
export type RocPoint = { fpr: number; tpr: number };
export type KsPoint = { score: number; cumBad: number; cumGood: number };

type Group = { value: number; bads: number; goods: number };

/** Distinct values ascending, with bad/good counts per value. */
function groups(values: number[], bad: number[]): Group[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const out: Group[] = [];
  for (const i of order) {
    const g = out[out.length - 1];
    if (g && g.value === values[i]) {
      if (bad[i]) g.bads++;
      else g.goods++;
    } else out.push({ value: values[i], bads: bad[i] ? 1 : 0, goods: bad[i] ? 0 : 1 });
  }
  return out;
}

function totals(gs: Group[]) {
  const bads = gs.reduce((s, g) => s + g.bads, 0);
  const goods = gs.reduce((s, g) => s + g.goods, 0);
  if (bads === 0 || goods === 0) throw new Error("metrics need at least one bad and one good");
  return { bads, goods };
}

/** Probability that a random bad has higher risk than a random good (ties count 1/2). */
export function auc(risk: number[], bad: number[]): number {
  const gs = groups(risk, bad);
  const { bads, goods } = totals(gs);
  let goodsBelow = 0;
  let wins = 0;
  for (const g of gs) {
    wins += g.bads * (goodsBelow + g.goods / 2);
    goodsBelow += g.goods;
  }
  return wins / (bads * goods);
}

export const gini = (a: number) => 2 * a - 1;

/** Kolmogorov-Smirnov: largest gap between the cumulative bad and good distributions. */
export function ks(risk: number[], bad: number[]): number {
  const gs = groups(risk, bad);
  const { bads, goods } = totals(gs);
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

/** Keep at most `max` evenly spaced items, always including the first and last. */
export function thin<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const idx = new Set<number>();
  for (let i = 0; i < max; i++) idx.add(Math.round((i * (items.length - 1)) / (max - 1)));
  return [...idx].map((i) => items[i]);
}

/** ROC from the strictest threshold down: (0,0) ... (1,1), one step per distinct risk value. */
export function rocCurve(risk: number[], bad: number[], maxPoints = 101): RocPoint[] {
  const gs = groups(risk, bad).reverse();
  const { bads, goods } = totals(gs);
  const pts: RocPoint[] = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (const g of gs) {
    tp += g.bads;
    fp += g.goods;
    pts.push({ fpr: fp / goods, tpr: tp / bads });
  }
  return thin(pts, maxPoints);
}

/** Share of bads and goods with credit score <= s, for each distinct score ascending. */
export function ksCurve(score: number[], bad: number[], maxPoints = 101): KsPoint[] {
  const gs = groups(score, bad);
  const { bads, goods } = totals(gs);
  let cb = 0;
  let cg = 0;
  const pts = gs.map((g) => {
    cb += g.bads;
    cg += g.goods;
    return { score: g.value, cumBad: cb / bads, cumGood: cg / goods };
  });
  return thin(pts, maxPoints);
}
