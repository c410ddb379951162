// The preview's per-block caches (preview-blocks.ts, portfolio-stats.ts) must never change a figure:
// many small blocks give the reference's figures, a cached block is reused only while its values
// and the draft's inputs for it are the same, and an in-place change (markChanged) is seen.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import type { PolicyConfig } from "@/features/policy/schema";
import { columnsFromRecords, markChanged, type BorrowerInput } from "./columns";
import { compareFigures } from "./compare";
import { previewPolicy } from "./preview";
import { blockPassCounter } from "./preview-blocks";
import { referencePreview } from "./reference";
import { policyArb, portfolioArb } from "./test-arbitraries";

const borrower = (id: number, score: number, limit: number, balance: number, outcome = 0): BorrowerInput => ({
  id, score, pd: score / 10_000, limit, balance, statuses: [0, id % 3 === 0 ? 1 : 0], outcome, sex: 1 + (id % 2), age: 20 + id,
});
const PORTFOLIO = Array.from({ length: 40 }, (_, k) => borrower(k + 1, 500 + 7 * k, 20_000 + 10_000 * (k % 9), 15_000 + 997 * k, k % 5 === 0 ? 1 : 0));
const draft = (changes: Partial<PolicyConfig>): PolicyConfig => ({ ...DEFAULT_POLICY, ...changes });

describe("the preview's block caches", () => {
  it("equal the reference with blocks of 1, 2 and 8 borrowers, for random portfolios and policies", () => {
    const cases = portfolioArb.chain((borrowers) => {
      const scores = borrowers.map((b) => b.score);
      return fc.tuple(fc.constant(borrowers), policyArb(scores), fc.array(policyArb(scores), { minLength: 1, maxLength: 6 }), fc.constantFrom(0, 1, 3));
    });
    fc.assert(
      fc.property(cases, ([borrowers, active, drafts, shift]) => {
        const cols = columnsFromRecords(borrowers, "2005-09", shift);
        // Several drafts on one columns object: later ones may reuse earlier blocks' passes.
        for (const d of [...drafts, ...drafts]) expect(compareFigures(referencePreview(borrowers, "2005-09", active, d), previewPolicy(cols, active, d))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("a repeated draft, and more drafts than a block keeps, give the same figures as fresh columns", () => {
    const cols = columnsFromRecords(PORTFOLIO, "2005-09", 2);
    const drafts = [-40, -10, 0, 5, 25, 60].map((pct) => draft({ actions: { ...DEFAULT_POLICY.actions, MEDIUM: { changePct: pct } }, minLimit: 10_000 }));
    for (const d of [...drafts, ...drafts.reverse(), drafts[0]]) {
      expect(previewPolicy(cols, DEFAULT_POLICY, d)).toEqual(previewPolicy(columnsFromRecords(PORTFOLIO, "2005-09", 2), DEFAULT_POLICY, d));
    }
  });

  it("sees a value changed in place in one block (and its score moving out of the block's range)", () => {
    const cols = columnsFromRecords(PORTFOLIO, "2005-09", 2);
    const d = draft({ actions: { LOW: { changePct: 30 }, MEDIUM: { changePct: -20 }, HIGH: { changePct: -50 } } });
    previewPolicy(cols, DEFAULT_POLICY, d); // fills the caches
    const i = 9; // cols are in score order, which is id order here
    cols.limit[i] = 90_000;
    cols.balance[i] = 80_000;
    cols.score[i] = 940;
    markChanged(cols, i);
    cols.revision++;
    const changed = PORTFOLIO.map((b) => (b.id === cols.id[i] ? { ...b, limit: 90_000, balance: 80_000, score: 940 } : b));
    expect(compareFigures(referencePreview(changed, "2005-09", DEFAULT_POLICY, d), previewPolicy(cols, DEFAULT_POLICY, d))).toEqual([]);
    expect(previewPolicy(cols, DEFAULT_POLICY, d).exposure.before).toBe(changed.reduce((s, b) => s + b.limit, 0));
  });

  it("keeps the pass asked for most recently: the active baseline, asked with every draft, is never passed over again", () => {
    const cols = columnsFromRecords(PORTFOLIO, "2005-09", 2);
    const blocks = cols.blockRevision.length;
    // Every tier's change % differs from the baseline's, so each draft passes over every block.
    const drafts = [-40, -10, 5, 25, 60, 70].map((pct) => draft({ actions: { LOW: { changePct: pct + 1 }, MEDIUM: { changePct: pct }, HIGH: { changePct: pct - 1 } } }));
    previewPolicy(cols, DEFAULT_POLICY, DEFAULT_POLICY);
    const start = blockPassCounter.computed;
    for (const d of drafts) {
      previewPolicy(cols, DEFAULT_POLICY, DEFAULT_POLICY); // as previewWithBaseline does before each draft
      previewPolicy(cols, DEFAULT_POLICY, d);
    }
    // Only the six new drafts cost a pass each; the baseline hit every time although six > 4 drafts kept.
    expect(blockPassCounter.computed - start).toBe(drafts.length * blocks);
  });
});
