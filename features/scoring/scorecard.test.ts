import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadModel } from "./model-types";
import { pdFromScore } from "./scaling";
import { pdForScore, scoreAsOf, SCORED_MONTH_INDEXES, scorePortfolio } from "./scorecard";
import { borrower, handModel, steady } from "./test-helpers";
import { bestPoints } from "./reason-codes";

const model = handModel(
  [
    { name: "status_latest", code: "RC01", cuts: [1, 2], points: [40, -20, -100] },
    { name: "credit_limit", code: "RC05", cuts: [50000, 200000], points: [-30, 0, 25] },
  ],
  600,
);

describe("scoreAsOf", () => {
  it("adds base points and each characteristic's bin points", () => {
    const good = scoreAsOf(model, borrower(steady(1000, 1000, 0), { limit: 300000 }), 5);
    expect(good).toMatchObject({ month: "2005-09", score: 665, points: { status_latest: 40, credit_limit: 25 } });
    expect(good.reasonCodes).toEqual([]);

    const b = borrower(steady(1000, 0, 0), { limit: 20000 });
    b.months[3].status = 2; // July: 2 months late; August coded 1, which harmonises to 2 (still late)
    b.months[4].status = 1;
    expect(scoreAsOf(model, b, 3)).toMatchObject({ month: "2005-07", score: 470 });
    const aug = scoreAsOf(model, b, 4);
    expect(aug.score).toBe(470);
    expect(aug.reasonCodes).toEqual([
      { code: "RC01", text: "reason RC01", pointsLost: 140 },
      { code: "RC05", text: "reason RC05", pointsLost: 55 },
    ]);
    // Coded 1 after an on-time month: harmonised to that month's status (0 here), no delay.
    const fresh = borrower(steady(1000, 0, 0), { limit: 20000 });
    fresh.months[4].status = 1;
    expect(scoreAsOf(model, fresh, 4).points.status_latest).toBe(40);
  });

  it("derives the PD from the integer score, so equal scores share a PD", () => {
    const s = scoreAsOf(model, borrower(steady(1000, 1000, 0), { limit: 100000 }), 2);
    expect(s.score).toBe(640);
    expect(s.pd).toBe(Number(pdFromScore(640, model.scaling).toFixed(6)));
    expect(pdForScore(model, 640)).toBe(s.pd);
  });

  it("clamps to [350, 950]", () => {
    const low = handModel([{ name: "credit_limit", code: "RC05", cuts: [1], points: [0, -900] }], 600);
    expect(scoreAsOf(low, borrower(steady(0, 0)), 5).score).toBe(350);
  });

  it("keeps invariants for arbitrary borrowers under the committed model", () => {
    const real = loadModel();
    const best = bestPoints(real).reduce((s, p) => s + p, 0);
    const month = fc.record({
      bill: fc.integer({ min: -20000, max: 1_000_000 }),
      payment: fc.integer({ min: 0, max: 500_000 }),
      status: fc.integer({ min: -2, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(month, { minLength: 6, maxLength: 6 }), fc.integer({ min: 10000, max: 1_000_000 }), fc.integer({ min: 2, max: 5 }), (ms, limit, m) => {
        const s = scoreAsOf(real, borrower(ms, { limit }), m);
        const total = Object.values(s.points).reduce((a, p) => a + p, 0);
        expect(s.score).toBe(Math.min(950, Math.max(350, real.basePoints + total)));
        expect(s.pd).toBe(pdForScore(real, s.score));
        const lost = s.reasonCodes.map((r) => r.pointsLost);
        expect(lost).toEqual([...lost].sort((a, b) => b - a));
        expect(lost.every((p) => p > 0)).toBe(true);
        // Every loss is listed, so the losses add up exactly to the gap to the best total.
        expect(total + lost.reduce((a, p) => a + p, 0)).toBe(best);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe("scorePortfolio", () => {
  it("scores every borrower for June..September by default", () => {
    expect(SCORED_MONTH_INDEXES).toEqual([2, 3, 4, 5]);
    const out = scorePortfolio(model, [borrower(steady(1, 1), { id: 7 }), borrower(steady(1, 1), { id: 8 })]);
    expect(out.map((r) => r.id)).toEqual([7, 8]);
    expect(out[0].months.map((m) => m.month)).toEqual(["2005-06", "2005-07", "2005-08", "2005-09"]);
    expect(scorePortfolio(model, [borrower(steady(1, 1))], [5])[0].months).toHaveLength(1);
  });
});
