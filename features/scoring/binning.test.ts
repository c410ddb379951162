import { describe, expect, it } from "vitest";
import { binIndex, chiMergeCuts, chiSquare, countBins, fineCuts, DEFAULT_BINNING } from "./binning";

describe("binIndex / countBins", () => {
  it("puts x in the bin with lower <= x < upper", () => {
    const cuts = [0, 10, 20];
    expect([-5, 0, 9.99, 10, 19, 20, 1e9].map((x) => binIndex(cuts, x))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(binIndex([], 42)).toBe(0);
  });

  it("counts rows and bads per bin", () => {
    expect(countBins([1, 2], [0, 0, 1, 1, 2, 5], [1, 0, 0, 1, 1, 1])).toEqual([
      { count: 2, bads: 1 },
      { count: 2, bads: 1 },
      { count: 2, bads: 2 },
    ]);
  });
});

describe("chiSquare", () => {
  it("matches a hand-computed 2x2 table", () => {
    // bin A: 10 rows / 2 bads, bin B: 10 rows / 6 bads. Expected bads 4 per bin, goods 6 per bin.
    // chi = (2-4)^2/4 + (8-6)^2/6 + (6-4)^2/4 + (4-6)^2/6 = 1 + 2/3 + 1 + 2/3 = 3.3333
    expect(chiSquare({ count: 10, bads: 2 }, { count: 10, bads: 6 })).toBeCloseTo(10 / 3, 10);
    expect(chiSquare({ count: 10, bads: 5 }, { count: 20, bads: 10 })).toBe(0);
    expect(chiSquare({ count: 10, bads: 0 }, { count: 5, bads: 0 })).toBe(0);
  });
});

describe("fineCuts", () => {
  it("uses every distinct value when there are few", () => {
    expect(fineCuts([3, 1, 2, 2, 1, 3, 0], DEFAULT_BINNING)).toEqual([1, 2, 3]);
  });
  it("uses snapped quantiles when there are many", () => {
    const values = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const cuts = fineCuts(values, { ...DEFAULT_BINNING, fineBins: 4, round: (x) => Math.round(x * 10) / 10 });
    expect(cuts).toEqual([0.3, 0.5, 0.8]); // 0.25 -> 0.3, 0.5, 0.75 -> 0.8
  });
});

describe("chiMergeCuts", () => {
  // Values 0..3 with 100 rows each; bad rates 10%, 10%, 50%, 50%.
  const values: number[] = [];
  const bad: number[] = [];
  [0.1, 0.1, 0.5, 0.5].forEach((rate, v) => {
    for (let i = 0; i < 100; i++) {
      values.push(v);
      bad.push(i < rate * 100 ? 1 : 0);
    }
  });

  it("merges classes with equal bad rates and keeps significantly different ones", () => {
    expect(chiMergeCuts(values, bad)).toEqual([2]);
  });

  it("enforces the maximum number of bins", () => {
    // Six values, 1000 rows each, bad rates 5%, 20%, ..., 80%: every neighbour pair differs clearly.
    const many = Array.from({ length: 6000 }, (_, i) => Math.floor(i / 1000));
    const bads = many.map((v, i) => (i % 1000 < 50 + 150 * v ? 1 : 0));
    expect(chiMergeCuts(many, bads, { maxBins: 6 })).toEqual([1, 2, 3, 4, 5]);
    expect(chiMergeCuts(many, bads, { maxBins: 3 })).toHaveLength(2);
  });

  it("merges bins smaller than minShare into a neighbour", () => {
    const v = [...values, 4, 4];
    const b = [...bad, 1, 1];
    expect(chiMergeCuts(v, b)).toEqual([2]); // the 2-row class of value 4 joins value 3
  });

  it("enforces a monotone bad rate when asked", () => {
    // bad rates 10%, 40%, 20%, 60%: "up" must merge the 40/20 dip.
    const v: number[] = [];
    const b: number[] = [];
    [0.1, 0.4, 0.2, 0.6].forEach((rate, x) => {
      for (let i = 0; i < 200; i++) {
        v.push(x);
        b.push(i < rate * 200 ? 1 : 0);
      }
    });
    const cuts = chiMergeCuts(v, b, { monotone: "up" });
    const rates = countBins(cuts, v, b).map((c) => c.bads / c.count);
    expect(rates).toEqual([...rates].sort((x, y) => x - y));
    expect(cuts).toEqual([1, 3]);
    expect(chiMergeCuts(v, b)).toEqual([1, 2, 3]);
  });

  it("never removes a forced cut", () => {
    expect(chiMergeCuts(values, bad, { forcedCuts: [1] })).toEqual([1, 2]);
  });
});
