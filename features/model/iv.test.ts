import { describe, expect, it } from "vitest";
import { IV_BANDS, ivBand, ivRange, ivStrength } from "./iv";

describe("information value bands", () => {
  it("reads each band as practitioners do, bounds inclusive below", () => {
    expect([0, 0.0199, 0.02, 0.0999, 0.1, 0.2999, 0.3, 0.4999, 0.5, 0.79].map(ivStrength)).toEqual([
      "Not predictive",
      "Not predictive",
      "Weak",
      "Weak",
      "Medium",
      "Medium",
      "Strong",
      "Strong",
      "Suspiciously strong — check for leakage",
      "Suspiciously strong — check for leakage",
    ]);
  });

  it("writes the ranges of the legend", () => {
    expect(IV_BANDS.map(ivRange)).toEqual(["< 0.02", "0.02–0.1", "0.1–0.3", "0.3–0.5", "> 0.5"]);
    expect(ivBand(0.6).key).toBe("suspicious");
  });
});
