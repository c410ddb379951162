import { beforeAll, describe, expect, it } from "vitest";
import { loadUciCsv } from "@/features/import/csv";
import { loadModel } from "@/features/scoring/model-types";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import type { PortfolioColumns } from "./columns";
import { previewPolicy } from "./preview";
import { previewWithBaseline, worstAir } from "./side-by-side";
import { columnsFromUci } from "./uci-columns";

describe("draft and active policy side by side (issue 11 §4)", () => {
  let cols: PortfolioColumns;
  beforeAll(() => {
    cols = columnsFromUci(loadUciCsv().rows, loadModel());
  });

  it("gives the active policy's own run as the baseline, identical to the draft when nothing changed", () => {
    const same = previewWithBaseline(cols, DEFAULT_POLICY, DEFAULT_POLICY);
    expect(same.baseline.backtest).toEqual(same.backtest);
    expect(same.baseline.expectedLoss).toEqual(same.expectedLoss);
    expect(same.baseline.availableCredit).toEqual(same.availableCredit);
  });

  it("keeps the draft's figures and the baseline apart when the draft differs", () => {
    const draft = { ...DEFAULT_POLICY, actions: { ...DEFAULT_POLICY.actions, HIGH: { changePct: -60 } } };
    const judged = previewWithBaseline(cols, DEFAULT_POLICY, draft);
    const { baseline, ...rest } = judged;
    expect(rest).toEqual(previewPolicy(cols, DEFAULT_POLICY, draft));
    expect(baseline.changes).toEqual(previewPolicy(cols, DEFAULT_POLICY, DEFAULT_POLICY).changes);
    expect(judged.changes.decrease.amount).toBeGreaterThan(baseline.changes.decrease.amount);
    expect(judged.availableCredit.after).toBeLessThan(baseline.availableCredit.after);
    expect(judged.availableCredit.before).toBe(baseline.availableCredit.before);
    expect(worstAir(judged.fairness, "sex")).toBeGreaterThan(0);
  });
});
