import { describe, expect, it } from "vitest";
import { decileCuts, lightFor, psiFromCounts, scorePsi } from "./psi";

describe("psiFromCounts (hand-computed fixtures)", () => {
  it("sums (a - e) ln(a / e) over the bins", () => {
    // shares e = .5 .3 .2, a = .3 .3 .4:
    // (.3-.5) ln(.3/.5) = 0.102165; 0; (.4-.2) ln 2 = 0.138629; total 0.240795
    const r = psiFromCounts(["a", "b", "c"], [50, 30, 20], [30, 30, 40], 20);
    expect(r.value).toBeCloseTo(0.240795, 6);
    expect(r.bins.map((b) => b.contribution)).toEqual([0.102165, 0, 0.138629]);
    expect(r.bins[2]).toMatchObject({ expectedCount: 20, actualCount: 40, expectedShare: 0.2, actualShare: 0.4 });
    expect(r.light).toBe("amber");
  });

  it("judges only when every bin has enough borrowers in both months", () => {
    expect(psiFromCounts(["a", "b", "c"], [50, 30, 20], [30, 30, 40], 50).light).toBe("too-few");
  });

  it("floors an empty share at 0.0001 instead of dividing by zero", () => {
    // bin 2: (.1 - .0001) ln(.1 / .0001) = 0.0999 * 6.907755 = 0.690085; bin 1: -.1 ln .9 = 0.010536
    const r = psiFromCounts(["x", "y"], [100, 0], [90, 10], 0);
    expect(r.value).toBeCloseTo(0.700621, 5);
    expect(r.light).toBe("red");
  });

  it("is zero for identical distributions and scale-free in the totals", () => {
    expect(psiFromCounts(["a", "b"], [10, 30], [100, 300], 0).value).toBe(0);
  });

  it("uses the traffic-light thresholds 0.10 and 0.25", () => {
    expect([0.0999, 0.1, 0.2499, 0.25].map((v) => lightFor(v, true))).toEqual(["green", "amber", "amber", "red"]);
    expect(lightFor(0.9, false)).toBe("too-few");
  });
});

describe("scorePsi", () => {
  const ref = Array.from({ length: 100 }, (_, i) => i + 1);

  it("bands by the reference month's deciles", () => {
    expect(decileCuts(ref)).toEqual([11, 21, 31, 41, 51, 61, 71, 81, 91]);
    const same = scorePsi(ref, [...ref].reverse(), 10);
    expect(same.value).toBe(0);
    expect(same.bins).toHaveLength(10);
    expect(same.bins[0].label).toBe("under 11");
    expect(same.light).toBe("green");
  });

  it("detects a shift of the whole distribution", () => {
    const shifted = ref.map((s) => s + 30);
    expect(scorePsi(ref, shifted, 0).value).toBeGreaterThan(0.25);
  });
});
