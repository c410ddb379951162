import { describe, expect, it } from "vitest";
import { ALL_FEATURES, extractFeatures, FEATURES, featureByName, V3_FEATURES } from "./features";
import { MORE_FEATURES } from "./features-more";
import { borrower, type MonthInput } from "./test-helpers";

const names = FEATURES.map((f) => f.name);
const valuesOf = (b: ReturnType<typeof borrower>, m: number) =>
  Object.fromEntries(extractFeatures(b, m).map((v, i) => [names[i], v]));

const months: MonthInput[] = [
  { bill: 1000, payment: 100, status: 0 }, // 2005-04
  { bill: 2000, payment: 0, status: 1 }, // 2005-05
  { bill: 3000, payment: 500, status: -1 }, // 2005-06
  { bill: 60000, payment: 0, status: 2 }, // 2005-07
  { bill: 90000, payment: 2000, status: 3 }, // 2005-08
  { bill: -50, payment: 9000, status: -2 }, // 2005-09
];

describe("extractFeatures", () => {
  it("derives each characteristic from the as-of month and at most the five before it", () => {
    const b = borrower(months, { limit: 100000 });
    // Harmonised statuses: Apr 0, May 0 (coded 1 after an on-time month), Jun -1, Jul 2, Aug 3, Sep -2.
    expect(valuesOf(b, 5)).toEqual({
      status_latest: -2,
      worst_delay_6m: 3,
      delayed_share_6m: 2 / 6,
      min_payment_3m: 0,
      months_delayed_3m: 2,
      avg_payment_6m: 11600 / 6,
      avg_payment_3m: 11000 / 3,
      avg_utilisation_6m: 155950 / 6 / 100000,
      max_utilisation_6m: 0.9,
      no_use_3m: 0,
    });
    // June knows only April-June: the 6-month characteristics use those 3 months.
    expect(valuesOf(b, 2)).toEqual({
      status_latest: -1,
      worst_delay_6m: 0,
      delayed_share_6m: 0,
      min_payment_3m: 0,
      months_delayed_3m: 0,
      avg_payment_6m: 200,
      avg_payment_3m: 200,
      avg_utilisation_6m: 6000 / 3 / 100000,
      max_utilisation_6m: 0.03,
      no_use_3m: 0,
    });
  });

  it("derives the richer six-month characteristics from the same window", () => {
    const b = borrower(months, { limit: 100000 });
    const more = (m: number) => Object.fromEntries(extractFeatures(b, m, MORE_FEATURES).map((v, i) => [MORE_FEATURES[i].name, v]));
    // Payment ratios pay the month before's bill: May 0/1000, Jun 500/2000, Jul 0/3000, Aug 2000/60000, Sep 9000/90000.
    expect(more(5)).toEqual({
      full_payment_share_6m: 1 / 6,
      payment_ratio_min_6m: 0,
      payment_ratio_mean_6m: (0 + 0.25 + 0 + 2000 / 60000 + 0.1) / 5,
      payment_ratio_latest: 0.1,
      bill_trend_6m: (-50 - 1000) / 100000,
      revolving_share_6m: 2 / 6,
      months_since_late: 1,
      status_previous: 3,
      worst_delay_3m: 3,
      utilisation_latest: -50 / 100000,
      zero_payment_share_6m: 2 / 6,
    });
    // June: 3 known months (April-June), no late month among them.
    expect(more(2)).toMatchObject({ months_since_late: 6, full_payment_share_6m: 1 / 3, revolving_share_6m: 2 / 3, bill_trend_6m: 0.02 });
  });

  it("gives a learned shape, with a true other-side reason, only to usage characteristics", () => {
    const shaped = V3_FEATURES.filter((f) => f.otherSideReasonText).map((f) => f.name);
    expect(shaped).toEqual(["avg_utilisation_6m", "max_utilisation_6m", "headroom_latest", "bill_trend_6m", "utilisation_latest"]);
    expect(V3_FEATURES.map((f) => f.name)).not.toContain("credit_limit");
  });

  it("flags no card use only when all 3 bills are zero or negative", () => {
    const idle = borrower([...months.slice(0, 3), ...[0, -10, 0].map((bill) => ({ bill, payment: 0, status: -2 }))]);
    expect(valuesOf(idle, 5).no_use_3m).toBe(1);
    expect(valuesOf(idle, 4).no_use_3m).toBe(0); // June's bill of 3000 is in the window
  });

  it("never uses months after the as-of month", () => {
    for (let m = 2; m <= 5; m++) {
      const b = borrower(months);
      const before = extractFeatures(b, m);
      for (let k = m + 1; k < 6; k++) b.months[k] = { ...b.months[k], bill: 1e9, payment: 1e9, status: 9 };
      expect(extractFeatures(b, m)).toEqual(before);
    }
  });

  it("never uses SEX, MARRIAGE, AGE or EDUCATION", () => {
    const a = borrower(months, { sex: 1, marriage: 1, age: 22, education: 1 });
    const b = borrower(months, { sex: 2, marriage: 3, age: 70, education: 6 });
    for (let m = 2; m <= 5; m++) expect(extractFeatures(a, m)).toEqual(extractFeatures(b, m));
    expect(names.join(" ")).not.toMatch(/sex|marri|age\b|educ|limit/i);
  });

  it("rejects month indexes without a full 3-month window", () => {
    const b = borrower(months);
    expect(() => extractFeatures(b, 1)).toThrow(RangeError);
    expect(() => extractFeatures(b, 6)).toThrow(RangeError);
  });

  it("has unique names and codes", () => {
    expect(new Set(names).size).toBe(FEATURES.length);
    expect(new Set(FEATURES.map((f) => f.code)).size).toBe(FEATURES.length);
    expect(() => featureByName("sex")).toThrow(/unknown characteristic/);
    expect(new Set(ALL_FEATURES.map((f) => f.code)).size).toBe(ALL_FEATURES.length);
  });
});
