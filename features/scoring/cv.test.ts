import { describe, expect, it } from "vitest";
import { crossValidate, meanSd, mulberry32, stratifiedFolds } from "./cv";
import { borrower, steady } from "./test-helpers";

describe("stratifiedFolds", () => {
  it("deals bads and goods evenly over the folds, the same way for the same seed", () => {
    const outcomes = Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 26 bads, 77 goods
    const a = stratifiedFolds(outcomes, 5, mulberry32(9));
    expect(stratifiedFolds(outcomes, 5, mulberry32(9))).toEqual(a);
    // Round-robin after shuffling: 26 bads -> 6,5,5,5,5; 77 goods -> 16,16,15,15,15.
    const per = (cls: number) => [0, 1, 2, 3, 4].map((f) => outcomes.filter((o, i) => o === cls && a[i] === f).length);
    expect(per(1)).toEqual([6, 5, 5, 5, 5]);
    expect(per(0)).toEqual([16, 16, 15, 15, 15]);
    expect(stratifiedFolds(outcomes, 5, mulberry32(10))).not.toEqual(a);
  });
});

describe("meanSd", () => {
  it("uses the sample standard deviation", () => {
    expect(meanSd([1, 2, 3, 4])).toEqual({ mean: 2.5, sd: 1.290994 });
    expect(meanSd([7])).toEqual({ mean: 7, sd: 0 });
  });
});

describe("crossValidate", () => {
  it("fits every (repeat, fold) on the other folds and scores the held-out one", () => {
    const rows = Array.from({ length: 40 }, (_, i) => borrower(steady(1000, 100), { id: i + 1, outcome: i % 2 === 0 ? 1 : 0 }));
    const seen: number[] = [];
    const r = crossValidate(
      rows,
      (train, test) => {
        expect(train.length + test.length).toBe(40);
        expect(train.some((t) => test.includes(t))).toBe(false);
        seen.push(...test.map((t) => t.id));
        // A perfect scorer: goods (even outcome 0) score high.
        return { scores: test.map((t) => (t.outcome ? 400 : 800)) };
      },
      { folds: 4, repeats: 2, seed: 3 },
    );
    expect(r.runs).toHaveLength(8);
    expect(r.auc).toEqual({ mean: 1, sd: 0 });
    expect(r.calibration).toBeNull();
    expect(seen.slice(0, 40).sort((a, b) => a - b)).toEqual(rows.map((x) => x.id));
  });
});
