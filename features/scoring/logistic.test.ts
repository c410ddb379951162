import { describe, expect, it } from "vitest";
import { fitLogistic, sigmoid, solve } from "./logistic";

describe("solve", () => {
  it("solves a small linear system", () => {
    const x = solve(
      [
        [4, 1],
        [1, 3],
      ],
      [1, 2],
    );
    expect(x[0]).toBeCloseTo(1 / 11, 12);
    expect(x[1]).toBeCloseTo(7 / 11, 12);
  });
});

describe("fitLogistic", () => {
  // x = 0: 1 bad in 4; x = 1: 3 bads in 4. The MLE reproduces the group log-odds exactly:
  // intercept = ln(1/3), slope = ln(3) - ln(1/3) = 2 ln 3.
  const X = [[0], [0], [0], [0], [1], [1], [1], [1]];
  const y = [1, 0, 0, 0, 1, 1, 1, 0];

  it("matches the hand-computed maximum likelihood solution", () => {
    const fit = fitLogistic(X, y, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 8);
    expect(fit.coefficients[0]).toBeCloseTo(2 * Math.log(3), 8);
    expect(sigmoid(fit.intercept + fit.coefficients[0])).toBeCloseTo(0.75, 8);
  });

  it("shrinks the slope (not the intercept's role) with an L2 penalty", () => {
    const fit = fitLogistic(X, y, { l2: 0.1 });
    expect(fit.coefficients[0]).toBeGreaterThan(0);
    expect(fit.coefficients[0]).toBeLessThan(2 * Math.log(3));
  });

  it("is deterministic", () => {
    expect(fitLogistic(X, y)).toEqual(fitLogistic(X, y));
  });

  it("computes a stable sigmoid at the extremes", () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(0)).toBe(0.5);
  });
});
