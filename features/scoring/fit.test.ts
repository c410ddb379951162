import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadUciCsv } from "@/features/import/csv";
import { FEATURES } from "./features";
import { fitScorecard, serializeModel } from "./fit";
import { loadModel } from "./model-types";
import { scorePortfolio } from "./scorecard";

const csv = path.resolve(import.meta.dirname, "../../data/UCI_Credit_Card.csv");

describe.runIf(existsSync(csv))("scorecard fit on the UCI data", () => {
  const { rows } = loadUciCsv(csv);
  const model = fitScorecard(rows);
  const json = serializeModel(model);

  it("meets the holdout targets (AUC >= 0.75, KS >= 0.40)", () => {
    expect(model.holdout.n).toBe(6000);
    expect(model.train.n).toBe(24000);
    expect(model.holdout.auc).toBeGreaterThanOrEqual(0.75);
    expect(model.holdout.ks).toBeGreaterThanOrEqual(0.4);
    expect(model.holdout.gini).toBeCloseTo(2 * model.holdout.auc - 1, 5);
    expect(model.holdout.roc.length).toBeLessThanOrEqual(101);
    expect(model.holdout.ksCurve.length).toBeLessThanOrEqual(101);
  });

  it("is deterministic: fitting twice gives identical JSON", () => {
    expect(serializeModel(fitScorecard(rows))).toBe(json);
  });

  it("matches the committed model.json (re-run `npm run model:fit` after changing the fit)", () => {
    expect(readFileSync(path.join(import.meta.dirname, "model.json"), "utf8")).toBe(json);
    expect(loadModel()).toEqual(JSON.parse(json));
  });

  it("does not depend on SEX, MARRIAGE, AGE or EDUCATION", () => {
    const scrambled = rows.map((r, i) => ({ ...r, sex: 1 + (i % 2), marriage: i % 4, age: 20 + (i % 50), education: i % 7 }));
    expect(serializeModel(fitScorecard(scrambled))).toBe(json);
  });

  it("has contiguous bins, integer points, positive weights and known characteristics", () => {
    const codes = new Set(FEATURES.map((f) => f.code));
    for (const c of model.characteristics) {
      expect(codes.has(c.code)).toBe(true);
      expect(c.coefficient).toBeGreaterThan(0);
      expect(c.bins[0].lower).toBeNull();
      expect(c.bins.at(-1)!.upper).toBeNull();
      c.bins.slice(1).forEach((b, k) => expect(b.lower).toBe(c.bins[k].upper));
      c.bins.forEach((b) => expect(Number.isInteger(b.points)).toBe(true));
      expect(c.bins.reduce((s, b) => s + b.count, 0)).toBe(24000);
    }
  });

  // Speed is measured by `npm run bench`, not asserted here.
  it("scores every borrower for the four scored months, June to September", () => {
    const out = scorePortfolio(model, rows);
    expect(out).toHaveLength(30000);
    expect(out[0].months.map((m) => m.month)).toEqual(["2005-06", "2005-07", "2005-08", "2005-09"]);
  });
});
