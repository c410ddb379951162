// The fast preview must give the same figures as the plain reference loop: integers exactly, EAD and
// expected loss within relative 1e-9 (float sums in another order), for any valid policy pair.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadUciCsv } from "@/features/import/csv";
import { loadModel } from "@/features/scoring/model-types";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { columnsFromRecords, type BorrowerInput, type PortfolioColumns } from "./columns";
import { compareFigures } from "./compare";
import { previewPolicy } from "./preview";
import { referencePreview } from "./reference";
import { policyArb, portfolioArb } from "./test-arbitraries";
import { borrowerInputsFromUci, columnsFromUci } from "./uci-columns";

describe("previewPolicy on the real 30 000 borrowers", () => {
  let inputs: BorrowerInput[];
  let cols: PortfolioColumns;
  beforeAll(() => {
    const { rows } = loadUciCsv();
    inputs = borrowerInputsFromUci(rows, loadModel());
    cols = columnsFromUci(rows, loadModel());
  });

  it("loads every borrower, scored as of September 2005", () => {
    expect(cols.n).toBe(30_000);
    expect(cols.month).toBe("2005-09");
    expect(previewPolicy(cols, DEFAULT_POLICY, DEFAULT_POLICY).backtest.defaulters).toBe(6_636);
  });

  it("keeps every limit when the draft equals the active policy's limits", () => {
    const p = previewPolicy(cols, DEFAULT_POLICY, DEFAULT_POLICY);
    expect(p.tiers.before).toEqual(p.tiers.after);
    expect(p.migration.flatMap((row, i) => row.filter((_, j) => j !== i))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(p.exposure.before + p.changes.increase.amount - p.changes.decrease.amount).toBe(p.exposure.after);
  });

  it("equals the reference for 200 random valid policy pairs", () => {
    const scores = [...new Set(inputs.map((b) => b.score))];
    fc.assert(
      fc.property(policyArb(scores), policyArb(scores), (active, draft) => {
        const fast = previewPolicy(cols, active, draft);
        const ref = referencePreview(inputs, cols.month, active, draft);
        expect(compareFigures(ref, fast)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("previewPolicy on small random portfolios", () => {
  it("equals the reference (edge cases: balance above limit, limit above maxLimit, ±extreme changes)", () => {
    const cases = portfolioArb.chain((borrowers) => {
      const scores = borrowers.map((b) => b.score);
      return fc.tuple(fc.constant(borrowers), policyArb(scores), policyArb(scores));
    });
    fc.assert(
      fc.property(cases, ([borrowers, active, draft]) => {
        const fast = previewPolicy(columnsFromRecords(borrowers, "2005-09"), active, draft);
        const ref = referencePreview(borrowers, "2005-09", active, draft);
        expect(compareFigures(ref, fast)).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it("handles an empty portfolio", () => {
    const p = previewPolicy(columnsFromRecords([], "2005-09"), DEFAULT_POLICY, DEFAULT_POLICY);
    expect(compareFigures(referencePreview([], "2005-09", DEFAULT_POLICY, DEFAULT_POLICY), p)).toEqual([]);
    expect(p.fairness.groups).toEqual([]);
    expect(p.expectedLoss).toEqual({ before: 0, after: 0 });
  });
});
