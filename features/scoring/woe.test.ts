import { describe, expect, it } from "vitest";
import { woeTable } from "./woe";

describe("woeTable", () => {
  it("matches hand-computed WoE and IV", () => {
    // 100 goods, 50 bads in total. Bin A: 60 goods / 10 bads; bin B: 40 goods / 40 bads.
    const { bins, iv } = woeTable([
      { count: 70, bads: 10 },
      { count: 80, bads: 40 },
    ]);
    const woeA = Math.log(0.6 / 0.2); // 1.098612
    const woeB = Math.log(0.4 / 0.8); // -0.693147
    expect(bins[0].woe).toBeCloseTo(woeA, 12);
    expect(bins[1].woe).toBeCloseTo(woeB, 12);
    expect(iv).toBeCloseTo((0.6 - 0.2) * woeA + (0.4 - 0.8) * woeB, 12); // 0.716704
    expect(iv).toBeCloseTo(0.716704, 6);
    expect(bins[1].badRate).toBe(0.5);
  });

  it("smooths an empty cell instead of returning infinity", () => {
    // Bin A has no bads: (10 + 0.5)/20 goods vs 0.5/10 bads.
    const { bins } = woeTable([
      { count: 10, bads: 0 },
      { count: 20, bads: 10 },
    ]);
    expect(bins[0].woe).toBeCloseTo(Math.log(10.5 / 20 / (0.5 / 10)), 12);
    expect(Number.isFinite(bins[0].woe)).toBe(true);
  });
});
