/**
 * Supervised binning ("coarse classing"): start from quantile-based fine classes, then ChiMerge
 * adjacent classes whose bad rates are statistically indistinguishable, until every class is
 * large enough and there are few enough of them. Deterministic: no randomness, ties resolved by
 * position.
 *
 * Cuts c1 < c2 < ... define bins (-inf, c1), [c1, c2), ..., [ck, +inf): lower <= x < upper.
 */
export type BinningOptions = {
  /** Number of quantile fine classes to start from. */
  fineBins: number;
  maxBins: number;
  /** Minimum share of the sample in each bin (forced sentinel bins excepted). */
  minShare: number;
  /** Adjacent bins whose 2x2 chi-square is below this are merged (3.84 = 5% significance). */
  chiThreshold: number;
  /** Cuts that must survive merging, e.g. to keep a sentinel value in a bin of its own. */
  forcedCuts: number[];
  /** Snap a candidate cut to a readable value, e.g. 2 decimals for ratios. */
  round: (x: number) => number;
  /**
   * "up": the bad rate must rise with x; "down": it must fall. Enforced by merging violating
   * neighbours, so a bin that loses points always means "more of the risky direction" and one
   * reason text is true for every such bin.
   */
  monotone?: "up" | "down";
};

export const DEFAULT_BINNING: BinningOptions = {
  fineBins: 20,
  maxBins: 6,
  minShare: 0.05,
  chiThreshold: 3.84,
  forcedCuts: [],
  round: (x) => x,
};

export type BinCounts = { count: number; bads: number };

/** Index of the bin holding x, by binary search over ascending cuts. */
export function binIndex(cuts: number[], x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x >= cuts[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function countBins(cuts: number[], values: number[], bad: number[]): BinCounts[] {
  const out = Array.from({ length: cuts.length + 1 }, () => ({ count: 0, bads: 0 }));
  values.forEach((v, i) => {
    const b = out[binIndex(cuts, v)];
    b.count++;
    b.bads += bad[i];
  });
  return out;
}

/** Pearson chi-square of the 2x2 table (bin a vs bin b) x (bad vs good). */
export function chiSquare(a: BinCounts, b: BinCounts): number {
  const n = a.count + b.count;
  const bads = a.bads + b.bads;
  const goods = n - bads;
  if (n === 0 || bads === 0 || goods === 0) return 0;
  let chi = 0;
  for (const bin of [a, b]) {
    const eBad = (bin.count * bads) / n;
    const eGood = (bin.count * goods) / n;
    chi += (bin.bads - eBad) ** 2 / eBad + (bin.count - bin.bads - eGood) ** 2 / eGood;
  }
  return chi;
}

/**
 * Candidate cuts: every distinct value when there are few (codes, counts, flags: a rare value still
 * gets its own class), otherwise quantiles snapped with `round`. Only cuts that split the data.
 */
export function fineCuts(values: number[], opts: BinningOptions): number[] {
  const sorted = [...values].sort((x, y) => x - y);
  const distinct = [...new Set(sorted)];
  const cands = new Set<number>(opts.forcedCuts);
  if (distinct.length <= opts.fineBins) distinct.forEach((v) => cands.add(v));
  else for (let q = 1; q < opts.fineBins; q++) cands.add(opts.round(sorted[Math.floor((q * sorted.length) / opts.fineBins)]));
  return [...cands].filter((c) => c > sorted[0] && c <= sorted[sorted.length - 1]).sort((x, y) => x - y);
}

export function chiMergeCuts(values: number[], bad: number[], partial: Partial<BinningOptions> = {}): number[] {
  const opts = { ...DEFAULT_BINNING, ...partial };
  let cuts = fineCuts(values, opts);
  const forced = new Set(opts.forcedCuts);
  const minCount = opts.minShare * values.length;
  for (;;) {
    const counts = countBins(cuts, values, bad);
    // Candidate merges are the cuts between bins (cut k separates bin k and k+1); forced cuts stay.
    const mergeable = cuts.map((_, k) => k).filter((k) => !forced.has(cuts[k]));
    if (mergeable.length === 0) break;
    const chi = (k: number) => chiSquare(counts[k], counts[k + 1]);
    // 0) Merge the most similar pair among those that break the required direction of bad rate.
    const rate = (k: number) => counts[k].bads / Math.max(1, counts[k].count);
    const violates = (k: number) =>
      opts.monotone === "up" ? rate(k) > rate(k + 1) : opts.monotone === "down" ? rate(k) < rate(k + 1) : false;
    const violating = mergeable.filter(violates);
    if (violating.length > 0) {
      cuts = cuts.filter((_, k) => k !== violating.reduce((a, b) => (chi(b) < chi(a) ? b : a)));
      continue;
    }
    // 1) A too-small bin merges with whichever neighbour it is most similar to (a bin fenced in by
    //    forced cuts, such as a sentinel's own bin, has no neighbour to merge with and is left alone).
    const neighbours = (k: number) => [k - 1, k].filter((j) => mergeable.includes(j));
    const small = counts.findIndex((c, k) => c.count < minCount && neighbours(k).length > 0);
    let pick = -1;
    if (small >= 0) pick = neighbours(small).reduce((a, b) => (chi(b) < chi(a) ? b : a));
    // 2) Otherwise merge the most similar pair while too many bins or the pair is not significant.
    if (pick < 0) {
      const best = mergeable.reduce((a, b) => (chi(b) < chi(a) ? b : a));
      if (counts.length > opts.maxBins || chi(best) < opts.chiThreshold) pick = best;
    }
    if (pick < 0) break;
    cuts = cuts.filter((_, k) => k !== pick);
  }
  return cuts;
}
