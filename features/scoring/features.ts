/**
 * Characteristics derived for a borrower AS OF a month index, from that month and the two before it.
 * A 3-month window exists at every scored month (June = index 2 .. September = index 5), so one
 * model applies to all four. Protected or sensitive fields (SEX, MARRIAGE, AGE, EDUCATION) are
 * deliberately never read here.
 *
 * Each characteristic declares the direction in which risk rises ("monotone"); binning enforces it,
 * so its reasonText is true for every bin that costs points.
 *
 * Also tried and left out (wrong-signed or near-zero weight once the others are in, i.e. redundant):
 * number of delayed months, payment / previous bill ratio, latest utilisation, balance trend, latest
 * payment amount. Unconstrained (non-monotone) bins fitted no better on the holdout and produced
 * reasons such as "paid in full" costing points, which an analyst cannot defend.
 */
import type { BorrowerRecord, MonthRecord } from "@/features/import/types";

export const WINDOW = 3;
export const MIN_MONTH_INDEX = WINDOW - 1;
export const MAX_MONTH_INDEX = 5;

/** How bin labels are worded; "status" uses the PAY_x code meanings, "flag" is 0/1. */
export type FeatureKind = "status" | "count" | "ratio" | "amount" | "flag";

export type FeatureDef = {
  name: string;
  /** Stable reason code. */
  code: string;
  kind: FeatureKind;
  /** "up": higher values are riskier; "down": lower values are riskier. */
  monotone: "up" | "down";
  description: string;
  reasonText: string;
  /** Cut points binning must keep, e.g. 1 to give "paid nothing" (NT$0) a bin of its own. */
  forcedCuts?: number[];
  /** For kind "flag": labels of the 0 and 1 bins. */
  flagLabels?: [string, string];
  /** `hist` holds only months up to and including the as-of month (oldest first). */
  compute: (hist: MonthRecord[], limit: number) => number;
};

const last = (h: MonthRecord[], k = 0) => h[h.length - 1 - k];
const recent = (h: MonthRecord[]) => h.slice(-WINDOW);

export const FEATURES: FeatureDef[] = [
  {
    name: "status_latest",
    code: "RC01",
    kind: "status",
    monotone: "up",
    description: "Repayment status in the latest month (-2 no use, -1 paid in full, 0 revolving credit, n = months late)",
    reasonText: "Latest payment was late",
    compute: (h) => last(h).status,
  },
  {
    name: "worst_delay_3m",
    code: "RC02",
    kind: "status",
    monotone: "up",
    description: "Worst repayment status over the last 3 months",
    reasonText: "Payment delays in the last 3 months",
    compute: (h) => Math.max(...recent(h).map((m) => m.status)),
  },
  {
    name: "min_payment_3m",
    code: "RC03",
    kind: "amount",
    monotone: "down",
    description: "Smallest monthly payment in the last 3 months (NT$)",
    reasonText: "Little or no payment in at least one of the last 3 months",
    forcedCuts: [1],
    compute: (h) => Math.min(...recent(h).map((m) => m.payment)),
  },
  {
    name: "avg_utilisation_3m",
    code: "RC04",
    kind: "ratio",
    monotone: "up",
    description: "Average bill over the last 3 months as a share of the credit limit",
    reasonText: "Balances have been high relative to the credit limit",
    compute: (h, limit) => recent(h).reduce((s, m) => s + m.bill, 0) / WINDOW / limit,
  },
  {
    name: "credit_limit",
    code: "RC05",
    kind: "amount",
    monotone: "down",
    description: "Credit limit (NT$)",
    reasonText: "Credit limit is low",
    compute: (_h, limit) => limit,
  },
  {
    name: "no_use_3m",
    code: "RC06",
    kind: "flag",
    monotone: "up",
    description: "1 if there was no bill (balance of zero or less) in any of the last 3 months",
    reasonText: "No card use in the last 3 months",
    flagLabels: ["Used in the last 3 months", "Not used in the last 3 months"],
    compute: (h) => (recent(h).every((m) => m.bill <= 0) ? 1 : 0),
  },
];

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

export function featureByName(name: string, defs: FeatureDef[] = FEATURES): FeatureDef {
  const f = defs.find((d) => d.name === name);
  if (!f) throw new Error(`unknown characteristic "${name}" in model`);
  return f;
}
