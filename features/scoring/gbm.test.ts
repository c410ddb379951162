import { describe, expect, it } from "vitest";
import { fitGbm, gbmLogOddsBad } from "./gbm";
import { auc } from "./metrics";
import { mulberry32 } from "./cv";

// Synthetic rows: risk rises with x0 above 0.5 and with x1; x2 is noise.
function data(n: number, seed: number) {
  const rand = mulberry32(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [rand(), rand(), rand()];
    const p = 0.05 + (x[0] > 0.5 ? 0.5 : 0) + 0.3 * x[1];
    X.push(x);
    y.push(rand() < p ? 1 : 0);
  }
  return { X, y };
}

describe("fitGbm", () => {
  const { X, y } = data(3000, 1);
  const opts = { trees: 30, depth: 2, minLeaf: 50 };

  it("learns the signal and ranks new rows well", () => {
    const m = fitGbm(X, y, opts);
    const test = data(2000, 2);
    expect(auc(test.X.map((x) => gbmLogOddsBad(m, x)), test.y)).toBeGreaterThan(0.75);
    expect(gbmLogOddsBad(m, [0.9, 0.5, 0.5])).toBeGreaterThan(gbmLogOddsBad(m, [0.1, 0.5, 0.5]));
  });

  it("is deterministic", () => {
    expect(JSON.stringify(fitGbm(X, y, opts))).toBe(JSON.stringify(fitGbm(X, y, opts)));
  });
});
