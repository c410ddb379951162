import { describe, expect, it } from "vitest";
import { bestPoints, reasonCodes } from "./reason-codes";
import { handModel } from "./test-helpers";

// Five characteristics (best points 30, 20, 10, 40, 5), so the top-4 cut and ties are exercised.
const model = handModel([
  { name: "status_latest", code: "RC01", cuts: [1], points: [30, -10] },
  { name: "worst_delay_3m", code: "RC02", cuts: [1], points: [20, 0] },
  { name: "min_payment_3m", code: "RC03", cuts: [1], points: [-10, 10] },
  { name: "avg_utilisation_3m", code: "RC04", cuts: [0.5], points: [40, 20] },
  { name: "credit_limit", code: "RC05", cuts: [50000], points: [0, 5] },
]);

describe("reasonCodes", () => {
  it("uses each characteristic's best bin", () => {
    expect(bestPoints(model)).toEqual([30, 20, 10, 40, 5]);
  });

  it("lists the top 4 by points lost, ties in characteristic order, losses only", () => {
    // Losses: RC01 40, RC02 20, RC03 20, RC04 20, RC05 5.
    expect(reasonCodes(model, [-10, 0, -10, 20, 0])).toEqual([
      { code: "RC01", text: "reason RC01", pointsLost: 40 },
      { code: "RC02", text: "reason RC02", pointsLost: 20 },
      { code: "RC03", text: "reason RC03", pointsLost: 20 },
      { code: "RC04", text: "reason RC04", pointsLost: 20 },
    ]);
    // Only RC05 loses anything.
    expect(reasonCodes(model, [30, 20, 10, 40, 0])).toEqual([{ code: "RC05", text: "reason RC05", pointsLost: 5 }]);
    // A borrower in every best bin gets no reasons.
    expect(reasonCodes(model, [30, 20, 10, 40, 5])).toEqual([]);
  });

  it("points plus points lost add up to the best possible total", () => {
    const pts = [-10, 20, -10, 20, 5];
    const lost = reasonCodes(model, pts, undefined, 99).reduce((s, r) => s + r.pointsLost, 0);
    const best = bestPoints(model).reduce((s, p) => s + p, 0);
    expect(pts.reduce((s, p) => s + p, 0) + lost).toBe(best);
  });
});
