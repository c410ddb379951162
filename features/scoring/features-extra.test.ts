import { describe, expect, it } from "vitest";
import { extractFeatures, V3_FEATURES } from "./features";
import { EXTRA_FEATURES } from "./features-extra";
import { borrower, steady, type MonthInput } from "./test-helpers";

const valuesOf = (b: ReturnType<typeof borrower>, m: number) =>
  Object.fromEntries(extractFeatures(b, m, EXTRA_FEATURES).map((v, i) => [EXTRA_FEATURES[i].code, v]));

const months: MonthInput[] = [
  { bill: 1000, payment: 100, status: 0 }, // 2005-04
  { bill: 2000, payment: 0, status: 1 }, // 2005-05 (harmonised 0)
  { bill: 3000, payment: 500, status: -1 }, // 2005-06
  { bill: 60000, payment: 0, status: 2 }, // 2005-07
  { bill: 90000, payment: 2000, status: 3 }, // 2005-08
  { bill: -50, payment: 9000, status: -2 }, // 2005-09
];

describe("EXTRA_FEATURES (experimental, RC30+)", () => {
  it("have codes and names of their own", () => {
    const all = [...V3_FEATURES, ...EXTRA_FEATURES];
    expect(new Set(all.map((f) => f.code)).size).toBe(all.length);
    expect(new Set(all.map((f) => f.name)).size).toBe(all.length);
  });

  it("derive each value from the as-of month and the months before it", () => {
    const v = valuesOf(borrower(months, { limit: 100000 }), 5);
    expect(v.RC30).toBe(0); // no bill was covered by the next month's payment
    expect(v.RC31).toBe(1 / 6);
    expect(v.RC32).toBe(1 / 6);
    expect(v.RC33).toBeCloseTo(1.673835, 6);
    expect(v.RC34).toBe(0.57); // July's rise of 57,000
    expect(v.RC35).toBeCloseTo(11600 / 6 / 100000, 12);
    expect(v.RC36).toBeCloseTo(0.090214, 6);
    expect(v.RC37).toBe(2); // nothing paid in July
    expect(v.RC38).toBeCloseTo(0.1 - (0 + 0.25 + 0 + 2000 / 60000 + 0.1) / 5, 12);
    expect(v.RC39).toBe(0); // not late, paid
    expect(v.RC40).toBe(0.81);
    expect(v.RC41).toBe(-3);
    expect(v.RC42).toBe(5 / 6);
    expect(v.RC43).toBe(0); // on time in September
    expect(v.RC44).toBe(2.7); // August: 3 months late on 90,000
    expect(v.RC45).toBe(3 / 5); // May, July and August paid under 10% of the bill before (September exactly 10%)
    // July: 2 months late and nothing paid on June's bill; a later month never leaks in.
    const jul = valuesOf(borrower(months, { limit: 100000 }), 3);
    expect([jul.RC39, jul.RC34, jul.RC31, jul.RC43, jul.RC44]).toEqual([5, 0.57, 0, 1.6, 1.2]);
    expect(valuesOf(borrower(months, { limit: 100000 }), 2).RC34).toBe(0.01);
  });

  it("count bills paid in full, and treat a history with no bill as paid", () => {
    expect(valuesOf(borrower(steady(1000, 1000)), 5).RC30).toBe(1);
    const idle = valuesOf(borrower(steady(0, 0, -2)), 5);
    expect([idle.RC30, idle.RC32, idle.RC33, idle.RC37]).toEqual([1, 1, 0, 0]);
  });
});
