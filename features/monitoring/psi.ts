/**
 * Population stability: PSI of a distribution (score bands) and CSI of a characteristic (its model
 * bins) between a reference month and the month watched. Pure; the monthly report stores the result.
 *
 *   PSI = sum over bins of (actual% - expected%) * ln(actual% / expected%)
 *
 * A bin empty in one month would make ln() infinite, so empty shares are floored at EMPTY_SHARE
 * (the usual convention). Traffic light: green < 0.10 <= amber < 0.25 <= red, judged only when every
 * bin holds at least MIN_BIN_BORROWERS borrowers in both months (else "too few").
 */
export const AMBER = 0.1;
export const RED = 0.25;
export const MIN_BIN_BORROWERS = 50;
export const EMPTY_SHARE = 1e-4;

export type Light = "green" | "amber" | "red" | "too-few";

export type PsiBin = {
  label: string;
  expectedCount: number;
  actualCount: number;
  expectedShare: number;
  actualShare: number;
  /** This bin's term of the sum. */
  contribution: number;
};

export type PsiResult = { value: number; light: Light; bins: PsiBin[] };

const r6 = (x: number) => {
  const v = Number(x.toFixed(6));
  return Object.is(v, -0) ? 0 : v;
};

export function lightFor(value: number, judgeable: boolean): Light {
  if (!judgeable) return "too-few";
  return value >= RED ? "red" : value >= AMBER ? "amber" : "green";
}

/** PSI from per-bin counts (same bins, same order) of the reference and the watched month. */
export function psiFromCounts(labels: string[], expected: number[], actual: number[], minBin = MIN_BIN_BORROWERS): PsiResult {
  if (expected.length !== actual.length || labels.length !== actual.length) throw new Error("PSI needs equal bin counts");
  const te = expected.reduce((s, v) => s + v, 0);
  const ta = actual.reduce((s, v) => s + v, 0);
  if (te === 0 || ta === 0) return { value: 0, light: "too-few", bins: [] };
  let value = 0;
  const bins = labels.map((label, i) => {
    const e = Math.max(expected[i] / te, EMPTY_SHARE);
    const a = Math.max(actual[i] / ta, EMPTY_SHARE);
    const contribution = (a - e) * Math.log(a / e);
    value += contribution;
    return {
      label,
      expectedCount: expected[i],
      actualCount: actual[i],
      expectedShare: r6(expected[i] / te),
      actualShare: r6(actual[i] / ta),
      contribution: r6(contribution),
    };
  });
  const judgeable = expected.every((c) => c >= minBin) && actual.every((c) => c >= minBin);
  return { value: r6(value), light: lightFor(value, judgeable), bins };
}

/** Index of the bin holding x for ascending cuts (lower <= x < upper). */
export function binOf(cuts: number[], x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x >= cuts[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function countByCuts(cuts: number[], values: number[]): number[] {
  const out = new Array<number>(cuts.length + 1).fill(0);
  for (const v of values) out[binOf(cuts, v)]++;
  return out;
}

/**
 * Score-band cuts from the reference month: its deciles (nearest rank), distinct and ascending, so
 * each band holds about a tenth of the reference borrowers (ties can merge bands).
 */
export function decileCuts(reference: number[]): number[] {
  const sorted = [...reference].sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let q = 1; q < 10; q++) cuts.add(sorted[Math.floor((q * sorted.length) / 10)]);
  return [...cuts].filter((c) => c > sorted[0]).sort((a, b) => a - b);
}

export function cutLabels(cuts: number[]): string[] {
  return Array.from({ length: cuts.length + 1 }, (_, i) =>
    i === 0 ? `under ${cuts[0]}` : i === cuts.length ? `${cuts[i - 1]} or more` : `${cuts[i - 1]} to ${cuts[i] - 1}`,
  );
}

/** Score PSI of `actual` against `reference`, bands = the reference month's deciles. */
export function scorePsi(reference: number[], actual: number[], minBin = MIN_BIN_BORROWERS): PsiResult {
  return scorePsiOfCounts(histogram(reference), histogram(actual), minBin);
}

type Histogram = Array<{ score: number; n: number }>;
const histogram = (values: number[]): Histogram => {
  const by = new Map<number, number>();
  for (const v of values) by.set(v, (by.get(v) ?? 0) + 1);
  return [...by].map(([score, n]) => ({ score, n })).sort((a, b) => a.score - b.score);
};

/**
 * The same from counts per distinct score (ascending): the decile cuts are the values at the
 * nearest-rank positions of the sorted reference, exactly as `decileCuts` takes them.
 */
export function scorePsiOfCounts(reference: Histogram, actual: Histogram, minBin = MIN_BIN_BORROWERS): PsiResult {
  const total = (h: Histogram) => h.reduce((s, c) => s + c.n, 0);
  const refN = total(reference);
  const at = (pos: number) => {
    let seen = 0;
    for (const c of reference) if ((seen += c.n) > pos) return c.score;
    return reference[reference.length - 1].score;
  };
  const cuts = new Set<number>();
  if (refN > 0) for (let q = 1; q < 10; q++) cuts.add(at(Math.floor((q * refN) / 10)));
  const sorted = [...cuts].filter((c) => c > reference[0].score).sort((a, b) => a - b);
  if (sorted.length === 0) return psiFromCounts(["all"], [refN], [total(actual)], minBin);
  const count = (h: Histogram) => {
    const out = new Array<number>(sorted.length + 1).fill(0);
    for (const c of h) out[binOf(sorted, c.score)] += c.n;
    return out;
  };
  return psiFromCounts(cutLabels(sorted), count(reference), count(actual), minBin);
}
