import { describe, expect, it } from "vitest";
import { clampScore, makeScaling, pdFromScore, scoreFromLogOdds } from "./scaling";

describe("scaling", () => {
  const sc = makeScaling();

  it("uses 650 at 4:1 odds with 75 points to double the odds", () => {
    expect(sc).toMatchObject({ baseScore: 650, baseOdds: 4, pdo: 75, min: 350, max: 950 });
    expect(sc.factor).toBeCloseTo(75 / Math.LN2, 12);
    expect(sc.offset).toBeCloseTo(500, 10); // 650 - 2 PDOs (ln 4 = 2 ln 2)
    expect(scoreFromLogOdds(Math.log(4), sc)).toBeCloseTo(650, 10);
    expect(scoreFromLogOdds(Math.log(8), sc)).toBeCloseTo(725, 10);
  });

  it("derives the PD from the score: 1 / (1 + odds)", () => {
    expect(pdFromScore(650, sc)).toBeCloseTo(0.2, 12);
    expect(pdFromScore(500, sc)).toBeCloseTo(0.5, 12);
    expect(pdFromScore(725, sc)).toBeCloseTo(1 / 9, 12);
    expect(pdFromScore(700, sc)).toBeLessThan(pdFromScore(600, sc));
  });

  it("clamps to [350, 950]", () => {
    expect(clampScore(200, sc)).toBe(350);
    expect(clampScore(1200, sc)).toBe(950);
    expect(clampScore(640, sc)).toBe(640);
  });

  it("supports other scalings", () => {
    const s = makeScaling(600, 50, 20);
    expect(scoreFromLogOdds(Math.log(100), s)).toBeCloseTo(620, 10);
  });
});
