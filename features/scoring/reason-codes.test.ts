import { describe, expect, it } from "vitest";
import { bestPoints, positiveReasons, reasonCodes } from "./reason-codes";
import { handModel } from "./test-helpers";
import { loadModel } from "./model-types";

// Five characteristics (best points 30, 20, 10, 40, 5), so ordering and ties are exercised.
const model = handModel([
  { name: "status_latest", code: "RC01", cuts: [1], points: [30, -10] },
  { name: "worst_delay_6m", code: "RC02", cuts: [1], points: [20, 0] },
  { name: "min_payment_3m", code: "RC04", cuts: [1], points: [-10, 10] },
  { name: "avg_utilisation_6m", code: "RC08", cuts: [0.5], points: [40, 20] },
  { name: "no_use_3m", code: "RC10", cuts: [1], points: [5, 0] },
]);

describe("reasonCodes", () => {
  it("uses each characteristic's best bin", () => {
    expect(bestPoints(model)).toEqual([30, 20, 10, 40, 5]);
  });

  it("lists every loss, largest first, ties in characteristic order", () => {
    // Losses: RC01 40, RC02 20, RC04 20, RC08 20, RC10 5.
    expect(reasonCodes(model, [-10, 0, -10, 20, 0])).toEqual([
      { code: "RC01", text: "reason RC01", pointsLost: 40 },
      { code: "RC02", text: "reason RC02", pointsLost: 20 },
      { code: "RC04", text: "reason RC04", pointsLost: 20 },
      { code: "RC08", text: "reason RC08", pointsLost: 20 },
      { code: "RC10", text: "reason RC10", pointsLost: 5 },
    ]);
    expect(reasonCodes(model, [-10, 0, -10, 20, 0], undefined, 2).map((r) => r.code)).toEqual(["RC01", "RC02"]);
    expect(reasonCodes(model, [30, 20, 10, 40, 5])).toEqual([]);
  });

  it("gives a bin's own reason text when it has one and the bin is known", () => {
    const shaped = handModel([{ name: "avg_utilisation_6m", code: "RC08", cuts: [0.1, 0.5], points: [0, 10, -20] }]);
    shaped.characteristics[0].bins[0].reasonText = "Little or no use";
    expect(reasonCodes(shaped, [0], undefined, Infinity, [0])).toEqual([{ code: "RC08", text: "Little or no use", pointsLost: 10 }]);
    expect(reasonCodes(shaped, [-20], undefined, Infinity, [2])).toEqual([{ code: "RC08", text: "reason RC08", pointsLost: 30 }]);
    expect(reasonCodes(shaped, [0])[0].text).toBe("reason RC08");
  });

  it("points plus points lost add up to the best possible total, for every borrower", () => {
    const pts = [-10, 20, -10, 20, 0];
    const lost = reasonCodes(model, pts).reduce((s, r) => s + r.pointsLost, 0);
    expect(pts.reduce((s, p) => s + p, 0) + lost).toBe(bestPoints(model).reduce((s, p) => s + p, 0));
  });

  it("never gives the credit limit as a reason: it is not a characteristic of the model", () => {
    expect(loadModel().characteristics.map((c) => c.name)).not.toContain("credit_limit");
    expect(loadModel().characteristics.map((c) => c.reasonText).join(" ")).not.toMatch(/credit limit is/i);
  });
});

describe("positiveReasons", () => {
  const avg = handModel([
    { name: "status_latest", code: "RC01", cuts: [1], points: [30, -10] },
    { name: "worst_delay_6m", code: "RC02", cuts: [1], points: [20, 0] },
    { name: "no_use_3m", code: "RC10", cuts: [1], points: [5, 0] },
  ]);
  avg.characteristics[0].averagePoints = 20;
  avg.characteristics[1].averagePoints = 10;
  avg.characteristics[2].averagePoints = 4.5;
  avg.characteristics.forEach((c) => (c.positiveText = `good ${c.code}`));

  it("lists characteristics above their training average, largest margin first", () => {
    expect(positiveReasons(avg, [30, 20, 5])).toEqual([
      { code: "RC01", text: "good RC01", pointsAboveAverage: 10 },
      { code: "RC02", text: "good RC02", pointsAboveAverage: 10 },
      { code: "RC10", text: "good RC10", pointsAboveAverage: 0.5 },
    ]);
    expect(positiveReasons(avg, [-10, 20, 0])).toEqual([{ code: "RC02", text: "good RC02", pointsAboveAverage: 10 }]);
    expect(positiveReasons(avg, [30, 20, 5], 1)).toHaveLength(1);
  });

  it("has an average and a positive text for every characteristic of the committed model", () => {
    for (const c of loadModel().characteristics) {
      expect(typeof c.averagePoints).toBe("number");
      expect(c.positiveText).toBeTruthy();
    }
  });
});
