import { describe, expect, it } from "vitest";
import { calibratedPd, fitCalibration, reliability } from "./calibration";

const range = { min: 350, max: 950 };

describe("fitCalibration (isotonic, pool adjacent violators)", () => {
  it("pools a score block whose default rate rises with the score", () => {
    // Scores 400 (2/4 bad), 500 (3/4 bad: violates), 600 (0/4): 400 and 500 pool to 5/8.
    const scores = [400, 400, 400, 400, 500, 500, 500, 500, 600, 600, 600, 600];
    const bad = [1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0];
    const cal = fitCalibration(scores, bad, range, 1);
    expect(cal.table).toEqual([
      { from: 350, to: 599, pd: 0.625, count: 8, bads: 5 },
      { from: 600, to: 950, pd: 0, count: 4, bads: 0 },
    ]);
    expect([350, 450, 599, 600, 950].map((s) => calibratedPd(cal, s))).toEqual([0.625, 0.625, 0.625, 0, 0]);
  });

  it("merges blocks smaller than minBlock", () => {
    const scores = [400, 400, 500, 500, 600, 600];
    const bad = [1, 1, 1, 0, 0, 0];
    const cal = fitCalibration(scores, bad, range, 3);
    // 400 (n 2) is too small and pools with 500; the last block 600 (n 2) too, so one block remains.
    expect(cal.table).toEqual([{ from: 350, to: 950, pd: 0.5, count: 6, bads: 3 }]);
    const big = fitCalibration([...scores, ...scores], [...bad, ...bad], range, 3);
    expect(big.table.map((b) => [b.from, b.to, b.pd, b.count])).toEqual([
      [350, 499, 1, 4],
      [500, 599, 0.5, 4],
      [600, 950, 0, 4],
    ]);
  });
});

describe("reliability", () => {
  it("compares mean PD with the observed rate in equal-count bands", () => {
    const scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const bad = [1, 1, 0, 1, 0, 0, 0, 0, 0, 0];
    const pd = [0.9, 0.9, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0, 0];
    const r = reliability(scores, bad, pd, 5);
    expect(r.bands.map((b) => [b.minScore, b.maxScore, b.n, b.predicted, b.observed])).toEqual([
      [1, 2, 2, 0.9, 1],
      [3, 4, 2, 0.5, 0.5],
      [5, 6, 2, 0.1, 0],
      [7, 8, 2, 0.1, 0],
      [9, 10, 2, 0, 0],
    ]);
    expect(r.worstAbsError).toBe(0.1);
    expect(r.meanAbsError).toBe(0.06);
  });
});
