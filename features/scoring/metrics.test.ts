import { describe, expect, it } from "vitest";
import { auc, gini, ks, ksCurve, rocCurve, thin } from "./metrics";

describe("auc", () => {
  it("is 1 for perfect separation, 0.5 for all ties", () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(auc([5, 5, 5, 5], [0, 1, 0, 1])).toBe(0.5);
  });

  it("counts ties between a bad and a good as one half (hand-computed)", () => {
    // bads at risk 3 and 2; goods at 2, 1, 1.
    // Pairs: (3 vs 2,1,1) = 3 wins; (2 vs 2) = 0.5, (2 vs 1,1) = 2 wins -> 5.5 / 6.
    expect(auc([3, 2, 2, 1, 1], [1, 1, 0, 0, 0])).toBeCloseTo(5.5 / 6, 12);
    expect(gini(5.5 / 6)).toBeCloseTo(5 / 6, 12);
  });
});

describe("ks", () => {
  it("matches a hand-computed value, stepping only between distinct values", () => {
    // Ascending risk groups: 1: 2 goods; 2: 1 good + 1 bad; 3: 1 bad.
    // cumGood 2/3, 1, 1; cumBad 0, 1/2, 1 -> gaps 2/3, 1/2, 0 -> KS = 2/3.
    expect(ks([3, 2, 2, 1, 1], [1, 1, 0, 0, 0])).toBeCloseTo(2 / 3, 12);
    expect(ks([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(ks([5, 5, 5, 5], [0, 1, 0, 1])).toBe(0);
  });

  it("needs both classes", () => {
    expect(() => ks([1, 2], [1, 1])).toThrow();
  });
});

describe("curves", () => {
  it("builds the ROC from the strictest threshold, one step per distinct value", () => {
    expect(rocCurve([3, 2, 2, 1, 1], [1, 1, 0, 0, 0])).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 1 / 3, tpr: 1 },
      { fpr: 1, tpr: 1 },
    ]);
  });

  it("builds the KS curve by ascending score", () => {
    // score = credit score (higher = safer): bads at 1, 2; goods at 2, 3, 3.
    expect(ksCurve([1, 2, 2, 3, 3], [1, 1, 0, 0, 0])).toEqual([
      { score: 1, cumBad: 0.5, cumGood: 0 },
      { score: 2, cumBad: 1, cumGood: 1 / 3 },
      { score: 3, cumBad: 1, cumGood: 1 },
    ]);
  });

  it("thins long curves to at most the requested points, keeping both ends", () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const t = thin(items, 101);
    expect(t).toHaveLength(101);
    expect(t[0]).toBe(0);
    expect(t[100]).toBe(999);
    const risk = Array.from({ length: 500 }, (_, i) => i);
    expect(rocCurve(risk, risk.map((i) => i % 2)).length).toBeLessThanOrEqual(101);
  });
});
