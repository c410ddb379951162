/**
 * Characteristics derived for a borrower AS OF a month index, from that month and at most the five
 * before it (never a later one). Windows: "6m" characteristics use the last min(6, known) months and
 * are expressed as worst values, shares or ratios of sums, so they mean the same with 3 known months
 * (June: April-June) as with 6 (September); "3m" ones use exactly 3 months, which every scored month
 * has. Repayment status is always the harmonised code (./harmonise.ts).
 *
 * Protected or sensitive fields (SEX, MARRIAGE, AGE, EDUCATION) are never read here, and neither is
 * the credit limit as a characteristic: it is the lender's own decision (a "your limit is low"
 * reason is circular) and a proxy for age. The limit appears only as the denominator of
 * utilisation. Each characteristic declares the direction in which risk rises ("monotone");
 * binning enforces it, so its reasonText is true for every bin that costs points.
 */
import type { BorrowerRecord, MonthRecord } from "@/features/import/types";
import { LONG_WINDOW, mean, recent, statuses, WINDOW } from "./feature-helpers";
import { MORE_FEATURES } from "./features-more";

export { LONG_WINDOW, WINDOW };
export const MIN_MONTH_INDEX = WINDOW - 1;
export const MAX_MONTH_INDEX = 5;

/** How bin labels are worded; "status" uses the PAY_x code meanings, "flag" is 0/1. */
export type FeatureKind = "status" | "count" | "ratio" | "amount" | "flag" | "recency";

export type FeatureDef = {
  name: string;
  /** Stable reason code. */
  code: string;
  kind: FeatureKind;
  /** "up": higher values are riskier; "down": lower values are riskier. */
  monotone: "up" | "down";
  description: string;
  /** Adverse reason: shown when this characteristic costs points. */
  reasonText: string;
  /** Positive reason: shown when it earns more points than the portfolio's average. */
  positiveText: string;
  /**
   * Set when risk is NOT monotone in this characteristic (e.g. utilisation: an unused line and a
   * full one are both riskier than a moderate balance). The fit then learns its shape, and a bin
   * BELOW the safest bin (the "down" side of an "up" characteristic, or vice versa) that costs
   * points gets this reason instead of reasonText, so the stated reason is true for every bin.
   */
  otherSideReasonText?: string;
  /** Cut points binning must keep, e.g. 1 to give "paid nothing" (NT$0) a bin of its own. */
  forcedCuts?: number[];
  /** For kind "flag": labels of the 0 and 1 bins. */
  flagLabels?: [string, string];
  /** `hist` holds only months up to and including the as-of month (oldest first). */
  compute: (hist: MonthRecord[], limit: number) => number;
};

/** Payments in the window over the bills they pay (the month before), capped at 1; 1 if nothing owed. */
function paymentRatio(h: MonthRecord[], n: number): number {
  const start = Math.max(1, h.length - n);
  let paid = 0;
  let owed = 0;
  for (let i = start; i < h.length; i++) {
    paid += h[i].payment;
    owed += Math.max(0, h[i - 1].bill);
  }
  return owed <= 0 ? 1 : Math.min(1, paid / owed);
}

export const FEATURES: FeatureDef[] = [
  {
    name: "status_latest",
    code: "RC01",
    kind: "status",
    monotone: "up",
    description: "Repayment status in the latest month, harmonised coding (-2 no use, -1 paid in full, 0 revolving, n = months late)",
    reasonText: "Latest payment was late",
    positiveText: "Latest payment was on time",
    compute: (h) => statuses(h, 1)[0],
  },
  {
    name: "worst_delay_6m",
    code: "RC02",
    kind: "status",
    monotone: "up",
    description: "Worst repayment status over the last 6 months (fewer when fewer are known)",
    reasonText: "Payment delays in the last 6 months",
    positiveText: "No serious payment delays in the last 6 months",
    compute: (h) => Math.max(...statuses(h, LONG_WINDOW)),
  },
  {
    name: "delayed_share_6m",
    code: "RC03",
    kind: "ratio",
    monotone: "up",
    description: "Share of the last 6 known months with a payment late",
    reasonText: "Late in several of the last 6 months",
    positiveText: "Rarely or never late in the last 6 months",
    compute: (h) => {
      const s = statuses(h, LONG_WINDOW);
      return s.filter((x) => x >= 1).length / s.length;
    },
  },
  {
    name: "min_payment_3m",
    code: "RC04",
    kind: "amount",
    monotone: "down",
    description: "Smallest monthly payment in the last 3 months (NT$)",
    reasonText: "Little or no payment in at least one of the last 3 months",
    positiveText: "Regular payments in each of the last 3 months",
    forcedCuts: [1],
    compute: (h) => Math.min(...recent(h).map((m) => m.payment)),
  },
  {
    name: "months_delayed_3m",
    code: "RC05",
    kind: "count",
    monotone: "up",
    description: "Number of the last 3 months with a payment late",
    reasonText: "Late in recent months",
    positiveText: "On time in each of the last 3 months",
    compute: (h) => statuses(h, WINDOW).filter((x) => x >= 1).length,
  },
  {
    name: "avg_payment_6m",
    code: "RC06",
    kind: "amount",
    monotone: "down",
    description: "Average monthly payment over the last 6 months (NT$)",
    reasonText: "Payments have been small",
    positiveText: "Payments have been substantial",
    compute: (h) => mean(recent(h, LONG_WINDOW).map((m) => m.payment)),
  },
  {
    name: "avg_payment_3m",
    code: "RC07",
    kind: "amount",
    monotone: "down",
    description: "Average monthly payment over the last 3 months (NT$)",
    reasonText: "Recent payments have been small",
    positiveText: "Recent payments have been substantial",
    compute: (h) => mean(recent(h).map((m) => m.payment)),
  },
  {
    name: "avg_utilisation_6m",
    code: "RC08",
    kind: "ratio",
    monotone: "up",
    description: "Average bill over the last 6 months as a share of the credit limit",
    reasonText: "Balances have been high relative to the credit limit",
    positiveText: "Balances have stayed well below the credit limit",
    compute: (h, limit) => mean(recent(h, LONG_WINDOW).map((m) => m.bill)) / limit,
  },
  {
    name: "max_utilisation_6m",
    code: "RC09",
    kind: "ratio",
    monotone: "up",
    description: "Highest bill over the last 6 months as a share of the credit limit (1 - least headroom)",
    reasonText: "Little headroom left on the credit line at some point",
    positiveText: "Plenty of headroom on the credit line",
    compute: (h, limit) => Math.max(...recent(h, LONG_WINDOW).map((m) => m.bill)) / limit,
  },
  {
    name: "no_use_3m",
    code: "RC10",
    kind: "flag",
    monotone: "up",
    description: "1 if there was no bill (balance of zero or less) in any of the last 3 months",
    reasonText: "No card use in the last 3 months",
    positiveText: "The card is in use",
    flagLabels: ["Used in the last 3 months", "Not used in the last 3 months"],
    compute: (h) => (recent(h).every((m) => m.bill <= 0) ? 1 : 0),
  },
];

/** Further candidates the challenger (richer scorecard) may use; the champion does without them. */
export const CHALLENGER_EXTRA: FeatureDef[] = [
  {
    name: "payment_ratio_6m",
    code: "RC11",
    kind: "ratio",
    monotone: "down",
    description: "Payments over the last 6 months as a share of the bills they paid (capped at 100%)",
    reasonText: "Payments have covered little of the balance",
    positiveText: "Payments have covered most of the balance",
    compute: (h) => paymentRatio(h, LONG_WINDOW),
  },
  {
    name: "headroom_latest",
    code: "RC12",
    kind: "ratio",
    monotone: "down",
    description: "Unused share of the credit limit in the latest month",
    reasonText: "Little of the credit line is unused",
    positiveText: "Much of the credit line is unused",
    compute: (h, limit) => 1 - Math.max(0, h[h.length - 1].bill) / limit,
  },
  {
    name: "payment_latest",
    code: "RC13",
    kind: "amount",
    monotone: "down",
    description: "Payment in the latest month (NT$)",
    reasonText: "Latest payment was small or missing",
    positiveText: "Latest payment was substantial",
    forcedCuts: [1],
    compute: (h) => h[h.length - 1].payment,
  },
];

/**
 * The credit limit as a characteristic: NOT offered to the champion (circular, an age proxy). Kept
 * only so `npm run model:fit` can print what leaving it out costs.
 */
export const CREDIT_LIMIT: FeatureDef = {
  name: "credit_limit",
  code: "RC90",
  kind: "amount",
  monotone: "down",
  description: "Credit limit (NT$)",
  reasonText: "Credit limit is low",
  positiveText: "Credit limit is high",
  compute: (_h, limit) => limit,
};

export function assertMonthIndex(monthIndex: number): void {
  if (!Number.isInteger(monthIndex) || monthIndex < MIN_MONTH_INDEX || monthIndex > MAX_MONTH_INDEX) {
    throw new RangeError(`month index must be an integer ${MIN_MONTH_INDEX}..${MAX_MONTH_INDEX}, got ${monthIndex}`);
  }
}

/** Values of `defs` for borrower `b` as of `monthIndex`; later months are sliced away first. */
export function extractFeatures(b: BorrowerRecord, monthIndex: number, defs: FeatureDef[] = FEATURES): number[] {
  assertMonthIndex(monthIndex);
  const hist = b.months.slice(0, monthIndex + 1);
  return defs.map((d) => d.compute(hist, b.limit));
}

/** Every characteristic a stored model may use (champion, challenger, the limit comparison). */
export const ALL_FEATURES: FeatureDef[] = [...FEATURES, ...CHALLENGER_EXTRA, ...MORE_FEATURES, CREDIT_LIMIT];

/**
 * The v3 champion's candidates: the v2 ten, the three former challenger extras and the richer
 * six-month characteristics of features-more.ts. Utilisation and headroom get a learned shape.
 */
const FREE_SHAPE: Record<string, string> = {
  avg_utilisation_6m: "Little or no use of the credit line over the last 6 months",
  max_utilisation_6m: "The credit line was hardly used in any of the last 6 months",
  headroom_latest: "Almost all of the credit line is unused",
};
export const V3_FEATURES: FeatureDef[] = [...FEATURES, ...CHALLENGER_EXTRA, ...MORE_FEATURES].map((f) =>
  FREE_SHAPE[f.name] ? { ...f, otherSideReasonText: FREE_SHAPE[f.name] } : f,
);

export function featureByName(name: string, defs: FeatureDef[] = ALL_FEATURES): FeatureDef {
  const f = defs.find((d) => d.name === name);
  if (!f) throw new Error(`unknown characteristic "${name}" in model`);
  return f;
}
