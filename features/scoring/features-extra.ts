/**
 * EXPERIMENTAL candidate characteristics (RC30-RC45, issue 10 §3): offered only by
 * scripts/exp-new-chars.ts, never by the product's candidate lists. Same rules as features.ts:
 * only months up to the as-of month, "6m" windows use min(6, known) months as shares, ratios or
 * worst values, harmonised statuses, no protected attribute, the credit limit only as a denominator.
 */
import type { MonthRecord } from "@/features/import/types";
import type { FeatureDef } from "./features";
import { LONG_WINDOW, mean, paymentRatios, recent, share, statuses } from "./feature-helpers";

const last = (h: MonthRecord[]) => h[h.length - 1];

/** Months since the latest month matching `test` (0 = the latest month); `LONG_WINDOW` if none known. */
function monthsSince(xs: number[], test: (x: number) => boolean): number {
  for (let k = 0; k < xs.length; k++) if (test(xs[xs.length - 1 - k])) return k;
  return LONG_WINDOW;
}

/** Least-squares slope per month of ys (0 with one value). */
function slope(ys: number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  ys.forEach((y, x) => ((sxy += (x - mx) * (y - my)), (sxx += (x - mx) ** 2)));
  return sxy / sxx;
}

type Base = Pick<FeatureDef, "kind" | "monotone" | "otherSideReasonText" | "forcedCuts">;
const def = (name: string, code: string, base: Base, description: string, reasonText: string, positiveText: string, compute: FeatureDef["compute"]): FeatureDef => ({
  name, code, ...base, description, reasonText, positiveText, compute,
});

export const EXTRA_FEATURES: FeatureDef[] = [
  def("paid_in_full_share_6m", "RC30", { kind: "ratio", monotone: "down" },
    "Share of the last 6 known bills (above zero) that the next month's payment covered in full",
    "Bills were rarely paid in full", "Bills were often paid in full",
    (h) => {
      let owed = 0;
      let full = 0;
      for (let i = Math.max(1, h.length - LONG_WINDOW); i < h.length; i++) {
        if (h[i - 1].bill <= 0) continue;
        owed++;
        if (h[i].payment >= h[i - 1].bill) full++;
      }
      return owed === 0 ? 1 : full / owed;
    }),
  def("credit_balance_share_6m", "RC31", { kind: "ratio", monotone: "down", otherSideReasonText: "The account was often in credit" },
    "Share of the last 6 known months with a credit balance (bill below zero)",
    "The account was rarely in credit", "The account was sometimes in credit",
    (h) => share(recent(h, LONG_WINDOW).map((m) => m.bill), (b) => b < 0)),
  def("no_use_share_6m", "RC32", { kind: "ratio", monotone: "up", otherSideReasonText: "The card was used every month" },
    "Share of the last 6 known months with status -2 (no consumption)",
    "The card was often unused", "The card was used regularly",
    (h) => share(statuses(h, LONG_WINDOW), (s) => s === -2)),
  def("payment_volatility_6m", "RC33", { kind: "ratio", monotone: "up", otherSideReasonText: "Payments were exactly the same every month" },
    "Standard deviation of the last 6 known monthly payments over their mean (0 if none paid)",
    "Payments have been irregular", "Payments have been regular",
    (h) => {
      const p = recent(h, LONG_WINDOW).map((m) => m.payment);
      const mu = mean(p);
      return mu <= 0 ? 0 : Math.sqrt(mean(p.map((x) => (x - mu) ** 2))) / mu;
    }),
  def("max_bill_jump_6m", "RC34", { kind: "ratio", monotone: "up" },
    "Largest month-on-month rise of the bill in the last 6 known months, as a share of the credit limit",
    "The balance rose sharply in one month", "No sharp rise of the balance",
    (h, limit) => {
      const b = recent(h, LONG_WINDOW).map((m) => m.bill);
      return Math.max(0, ...b.slice(1).map((x, i) => x - b[i])) / limit;
    }),
  def("payment_to_limit_6m", "RC35", { kind: "ratio", monotone: "down" },
    "Average monthly payment over the last 6 known months as a share of the credit limit",
    "Payments have been small relative to the credit line", "Payments have been large relative to the credit line",
    (h, limit) => mean(recent(h, LONG_WINDOW).map((m) => m.payment)) / limit),
  def("utilisation_slope_6m", "RC36", { kind: "ratio", monotone: "up", otherSideReasonText: "The balance has been falling" },
    "Least-squares trend per month of bill / credit limit over the last 6 known months",
    "Utilisation has been rising", "Utilisation has been steady",
    (h, limit) => slope(recent(h, LONG_WINDOW).map((m) => m.bill / limit))),
  def("months_since_zero_payment", "RC37", { kind: "recency", monotone: "down" },
    "Months since the latest month with no payment (6 = none in the known months)",
    "No payment was made recently", "A payment has been made every recent month",
    (h) => monthsSince(recent(h, LONG_WINDOW).map((m) => m.payment), (p) => p <= 0)),
  def("payment_ratio_change", "RC38", { kind: "ratio", monotone: "down", otherSideReasonText: "The latest payment was much larger than usual" },
    "Share of the bill paid in the latest month minus the 6-month average share",
    "The latest payment covered less of the bill than usual", "The latest payment kept up with usual payments",
    (h) => paymentRatios(h, 1)[0] - mean(paymentRatios(h, LONG_WINDOW))),
  def("late_and_unpaid_latest", "RC39", { kind: "count", monotone: "up" },
    "Latest status and payment as one ordinal: 2 x months late (harmonised) + 1 if nothing was paid on a bill",
    "Latest payment was late or missing", "Latest payment was on time and made",
    (h) => {
      const s = Math.max(0, statuses(h, 1)[0]);
      const prevBill = h.length > 1 ? h[h.length - 2].bill : 0;
      return 2 * s + (last(h).payment <= 0 && prevBill > 0 ? 1 : 0);
    }),
  def("unpaid_carry_latest", "RC40", { kind: "ratio", monotone: "up", otherSideReasonText: "Little or nothing is carried over" },
    "Previous bill minus the latest payment, as a share of the credit limit",
    "Much of the balance is carried over unpaid", "Little of the balance is carried over",
    (h, limit) => ((h.length > 1 ? h[h.length - 2].bill : 0) - last(h).payment) / limit),
  def("status_change_latest", "RC41", { kind: "count", monotone: "up" },
    "Latest harmonised status minus the previous one (months late added; on-time codes count as 0)",
    "Payments have fallen further behind", "Payments have not fallen behind",
    (h) => {
      const [a, b] = statuses(h, 2).map((s) => Math.max(0, s));
      return b === undefined ? 0 : b - a;
    }),
  def("mean_delay_6m", "RC42", { kind: "ratio", monotone: "up" },
    "Average months late over the last 6 known months (on-time codes count as 0)",
    "Payments have often been months late", "Payments have seldom been late",
    (h) => mean(statuses(h, LONG_WINDOW).map((s) => Math.max(0, s)))),
  def("late_utilisation_latest", "RC43", { kind: "ratio", monotone: "up" },
    "0 if the latest payment was on time, else 1 + the latest bill as a share of the credit limit",
    "Late with a high balance", "On time, or late with a small balance",
    (h, limit) => (statuses(h, 1)[0] >= 1 ? 1 + Math.max(0, last(h).bill) / limit : 0)),
  def("late_balance_6m", "RC44", { kind: "ratio", monotone: "up" },
    "Largest months-late x bill / credit limit over the last 6 known months",
    "A large balance was months late", "No large balance was late",
    (h, limit) => {
      const s = statuses(h, LONG_WINDOW);
      return Math.max(...recent(h, LONG_WINDOW).map((m, i) => Math.max(0, s[i]) * Math.max(0, m.bill) / limit));
    }),
  def("low_payment_share_6m", "RC45", { kind: "ratio", monotone: "up" },
    "Share of the last 6 known bills (above zero) of which the next month's payment covered under 10%",
    "Bills were often barely paid", "Bills were paid down substantially",
    (h) => {
      const idx = Array.from({ length: h.length }, (_, i) => i).slice(Math.max(1, h.length - LONG_WINDOW)).filter((i) => h[i - 1].bill > 0);
      return idx.length === 0 ? 0 : share(idx, (i) => h[i].payment < 0.1 * h[i - 1].bill);
    }),
];
