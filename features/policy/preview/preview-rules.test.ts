// Hand-computed cases for each rule, checked on BOTH the fast preview and the reference.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import type { PolicyConfig } from "@/features/policy/schema";
import { ageBand, columnsFromRecords, monthsSinceDelay, NO_DELAY, type BorrowerInput } from "./columns";
import { compareFigures } from "./compare";
import { previewPolicy } from "./preview";
import { referencePreview } from "./reference";
import { changeFactor, roundToThousand } from "./rounding";

const base: BorrowerInput = { id: 1, score: 800, pd: 0.1, limit: 100_000, balance: 0, statuses: [0, 0, 0, 0, 0, 0], outcome: 0, sex: 1, age: 30 };
const policy = (p: Partial<PolicyConfig> & { pct?: number }): PolicyConfig => {
  const { pct = 0, ...rest } = p;
  return { ...DEFAULT_POLICY, actions: { LOW: { changePct: pct }, MEDIUM: { changePct: pct }, HIGH: { changePct: pct } }, ...rest };
};

/** Runs both implementations, checks they agree, returns the fast one. */
function preview(borrowers: Array<Partial<BorrowerInput>>, draft: PolicyConfig, active = DEFAULT_POLICY) {
  const rows = borrowers.map((b, i) => ({ ...base, id: i + 1, ...b }));
  const fast = previewPolicy(columnsFromRecords(rows, "2005-09"), active, draft);
  expect(compareFigures(referencePreview(rows, "2005-09", active, draft), fast)).toEqual([]);
  return fast;
}
/** New limit of a one-borrower portfolio. */
const proposed = (b: Partial<BorrowerInput>, draft: PolicyConfig) => preview([b], draft).exposure.after;

describe("rounding to NT$1,000, half up, in integers", () => {
  it("rounds exactly .5 thousand up", () => {
    expect(proposed({ limit: 12_500 }, policy({ pct: 0 }))).toBe(13_000);
    expect(proposed({ limit: 10_000 }, policy({ pct: 15 }))).toBe(12_000); // 11,500
    expect(proposed({ limit: 10_000 }, policy({ pct: 14.99 }))).toBe(11_000); // 11,499
    expect(proposed({ limit: 12_500, balance: 0 }, policy({ pct: -5, minLimit: 1 }))).toBe(12_000); // 11,875
  });
  it("absorbs binary noise in the percentage", () => {
    expect(changeFactor(0.29)).toBe(10_029); // (100 + 0.29) × 100 = 10028.999999999998 in floats
    expect(roundToThousand(1_000_000, changeFactor(0.29))).toBe(1_003_000); // 1,002,900
    expect(roundToThousand(1_000_000, changeFactor(0.05))).toBe(1_001_000); // 1,000,500: half up
  });
});

describe("increases", () => {
  const up = policy({ pct: 20, noIncreaseIfDelayedWithinMonths: 3 });
  it("are blocked by a delay within the latest N months, the latest month included", () => {
    expect(proposed({ statuses: [0, 0, 0, 1, 0, 0] }, up)).toBe(100_000); // 2 months back: blocked
    expect(proposed({ statuses: [0, 0, 0, 0, 0, 2] }, up)).toBe(100_000); // latest month: blocked
    expect(proposed({ statuses: [0, 0, 1, 0, 0, 0] }, up)).toBe(120_000); // 3 months back: allowed
    expect(proposed({ statuses: [0, 0, 0, 0, 0, 2] }, { ...up, noIncreaseIfDelayedWithinMonths: 0 })).toBe(120_000);
    expect(proposed({ statuses: [1, 0, 0, 0, 0, 0] }, { ...up, noIncreaseIfDelayedWithinMonths: 6 })).toBe(100_000);
  });
  it("stop at maxLimit, and the cap never cuts", () => {
    expect(proposed({ limit: 900_000 }, { ...up, maxLimit: 1_000_000 })).toBe(1_000_000);
    const p = preview([{ limit: 1_200_000 }], { ...up, maxLimit: 1_000_000 });
    expect(p.exposure.after).toBe(1_200_000);
    expect(p.changes).toEqual({ increase: { count: 0, amount: 0 }, decrease: { count: 0, amount: 0 }, unchanged: { count: 1 } });
  });
});

describe("cuts", () => {
  const down = policy({ pct: -30, minLimit: 10_000 });
  it("never go below the balance rounded up to NT$1,000, nor minLimit, nor above the limit", () => {
    expect(proposed({ balance: 50_000 }, down)).toBe(70_000);
    expect(proposed({ balance: 85_001 }, down)).toBe(86_000);
    expect(proposed({ balance: 120_000 }, down)).toBe(100_000); // balance above the limit: unchanged
    expect(proposed({ balance: 0 }, { ...down, minLimit: 80_000 })).toBe(80_000);
    expect(proposed({ balance: 0 }, { ...down, minLimit: 150_000, maxLimit: 200_000 })).toBe(100_000);
    expect(proposed({ balance: 0 }, policy({ pct: -100, minLimit: 5_000 }))).toBe(5_000);
  });
  it("count a utilisation shock only above 90% of the new limit", () => {
    expect(preview([{ balance: 63_001 }], down).utilizationShock.count).toBe(1); // 63,001 / 70,000
    expect(preview([{ balance: 63_000 }], down).utilizationShock.count).toBe(0); // exactly 0.9
  });
});

describe("exposure, EAD and expected loss", () => {
  it("uses the active policy's ccf/lgd before and the draft's after", () => {
    const p = preview([{ limit: 100_000, balance: 40_000, pd: 0.1 }], policy({ pct: -30, ccf: 0.5, lgd: 0.6 }));
    expect(p.exposure).toEqual({ before: 100_000, after: 70_000 });
    expect(p.ead.before).toBeCloseTo(40_000 + 0.75 * 60_000, 9); // 85,000
    expect(p.ead.after).toBeCloseTo(40_000 + 0.5 * 30_000, 9); // 55,000
    expect(p.expectedLoss.before).toBeCloseTo(0.1 * 0.45 * 85_000, 9); // 3,825
    expect(p.expectedLoss.after).toBeCloseTo(0.1 * 0.6 * 55_000, 9); // 3,300
  });
});

describe("fairness", () => {
  const cut = { score: 400, balance: 0 }, kept = { score: 800 };
  const draft = { ...DEFAULT_POLICY, actions: { LOW: { changePct: 0 }, MEDIUM: { changePct: 0 }, HIGH: { changePct: -50 } } };
  it("divides each group's not-cut rate by the best group's and flags below 0.8", () => {
    const men = [kept, kept, kept, kept, cut].map((b) => ({ ...b, sex: 1 })); // 4/5 not cut
    const women = [kept, kept, cut, cut, cut].map((b) => ({ ...b, sex: 2, age: 60 })); // 2/5
    const sex = preview([...men, ...women], draft).fairness.groups.filter((g) => g.attribute === "sex");
    expect(sex).toEqual([
      { attribute: "sex", group: "Male", n: 5, notCut: 4, rate: 0.8, air: 1, flagged: false },
      { attribute: "sex", group: "Female", n: 5, notCut: 2, rate: 0.4, air: 0.5, flagged: true },
    ]);
  });
  it("does not flag an AIR of exactly 0.8, and leaves empty groups out", () => {
    const rows = [kept, kept, kept, kept, kept].map((b) => ({ ...b, age: 20 })).concat([kept, kept, kept, kept, cut].map((b) => ({ ...b, age: 40 })));
    const age = preview(rows, draft).fairness.groups.filter((g) => g.attribute === "age");
    expect(age.map((g) => [g.group, g.air, g.flagged])).toEqual([["<25", 1, false], ["35–44", 0.8, false]]);
  });
});

describe("columns", () => {
  it("counts months since the newest delay, the latest month being 0", () => {
    expect(monthsSinceDelay([0, 0, 0, 0, 0, 1])).toBe(0);
    expect(monthsSinceDelay([2, 0, -1, -2, 0, 0])).toBe(5);
    expect(monthsSinceDelay([0, -1, -2])).toBe(NO_DELAY);
  });
  it("orders rows by score, ties in input order", () => {
    const rows = [700, 500, 700, 600].map((score, i) => ({ ...base, id: i + 1, score }));
    expect([...columnsFromRecords(rows, "2005-09").id]).toEqual([2, 4, 1, 3]);
  });
  it("bands ages at 25, 35, 45, 55", () => {
    expect([18, 24, 25, 34, 35, 44, 45, 54, 55, 79].map(ageBand)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});
