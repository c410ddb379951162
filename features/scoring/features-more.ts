/**
 * The richer six-month characteristics of the v3 scorecard (RC14-RC24). Same rules as
 * features.ts: only months up to the as-of month, "6m" windows use min(6, known) months as
 * shares, ratios or worst values, statuses are harmonised, no protected attribute, the credit
 * limit only as a denominator.
 */
import type { FeatureDef } from "./features";
import { LONG_WINDOW, mean, paymentRatios, recent, share, statuses } from "./feature-helpers";

export const MORE_FEATURES: FeatureDef[] = [
  {
    name: "full_payment_share_6m",
    code: "RC14",
    kind: "ratio",
    monotone: "down",
    description: "Share of the last 6 known months in which the balance was paid in full",
    reasonText: "The balance was rarely paid in full",
    positiveText: "The balance was often paid in full",
    compute: (h) => share(statuses(h, LONG_WINDOW), (s) => s === -1),
  },
  {
    name: "payment_ratio_min_6m",
    code: "RC15",
    kind: "ratio",
    monotone: "down",
    description: "Lowest share of a bill paid the month after, over the last 6 known months (capped at 100%)",
    reasonText: "At least one bill was hardly paid in the last 6 months",
    positiveText: "Every recent bill was paid down substantially",
    compute: (h) => Math.min(...paymentRatios(h, LONG_WINDOW)),
  },
  {
    name: "payment_ratio_mean_6m",
    code: "RC16",
    kind: "ratio",
    monotone: "down",
    description: "Average share of each bill paid the month after, over the last 6 known months (capped at 100%)",
    reasonText: "Payments have usually covered little of the bill",
    positiveText: "Payments have usually covered much of the bill",
    compute: (h) => mean(paymentRatios(h, LONG_WINDOW)),
  },
  {
    name: "payment_ratio_latest",
    code: "RC17",
    kind: "ratio",
    monotone: "down",
    description: "Share of the previous bill paid in the latest month (capped at 100%)",
    reasonText: "The latest payment covered little of the bill",
    positiveText: "The latest payment covered much of the bill",
    compute: (h) => paymentRatios(h, 1)[0],
  },
  {
    name: "bill_trend_6m",
    code: "RC18",
    kind: "ratio",
    monotone: "up",
    description: "Change of the bill from the oldest to the latest of the last 6 known months, as a share of the credit limit",
    reasonText: "The balance has grown steeply over the last 6 months",
    positiveText: "The balance has grown moderately with regular use",
    otherSideReasonText: "The balance has fallen or stayed flat over the last 6 months",
    compute: (h, limit) => {
      const r = recent(h, LONG_WINDOW);
      return (r[r.length - 1].bill - r[0].bill) / limit;
    },
  },
  {
    name: "revolving_share_6m",
    code: "RC19",
    kind: "ratio",
    monotone: "down",
    description: "Share of the last 6 known months with the account revolving in good standing (status 0: at least the minimum paid on time)",
    reasonText: "Few months with the account in good standing",
    positiveText: "The account has been in good standing most months",
    compute: (h) => share(statuses(h, LONG_WINDOW), (s) => s === 0),
  },
  {
    name: "months_since_late",
    code: "RC20",
    kind: "recency",
    monotone: "down",
    description: "Months since the latest late payment (0 = late this month; 6 = none in the known months, up to 6)",
    reasonText: "A payment was late recently",
    positiveText: "No recent late payment",
    compute: (h) => {
      const s = statuses(h, LONG_WINDOW);
      for (let k = 0; k < s.length; k++) if (s[s.length - 1 - k] >= 1) return k;
      return LONG_WINDOW;
    },
  },
  {
    name: "status_previous",
    code: "RC21",
    kind: "status",
    monotone: "up",
    description: "Repayment status in the month before the latest, harmonised coding",
    reasonText: "The payment before the latest was late",
    positiveText: "The payment before the latest was on time",
    compute: (h) => statuses(h, 2)[0],
  },
  {
    name: "worst_delay_3m",
    code: "RC22",
    kind: "status",
    monotone: "up",
    description: "Worst repayment status over the last 3 months",
    reasonText: "Payment delays in the last 3 months",
    positiveText: "No payment delays in the last 3 months",
    compute: (h) => Math.max(...statuses(h, 3)),
  },
  {
    name: "utilisation_latest",
    code: "RC23",
    kind: "ratio",
    monotone: "up",
    description: "Latest bill as a share of the credit limit",
    reasonText: "The latest balance is high relative to the credit limit",
    positiveText: "The latest balance is moderate relative to the credit limit",
    otherSideReasonText: "Little or no balance in the latest month",
    compute: (h, limit) => h[h.length - 1].bill / limit,
  },
  {
    name: "zero_payment_share_6m",
    code: "RC24",
    kind: "ratio",
    monotone: "up",
    description: "Share of the last 6 known months with no payment at all",
    reasonText: "No payment in several of the last 6 months",
    positiveText: "A payment every month",
    compute: (h) => share(recent(h, LONG_WINDOW).map((m) => m.payment), (p) => p <= 0),
  },
];
