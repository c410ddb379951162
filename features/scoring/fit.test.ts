import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadUciCsv } from "@/features/import/csv";
import { V3_FEATURES } from "./features";
import { fitScorecard, serializeModel } from "./fit";
import { loadModel } from "./model-types";
import type { ScoreModel } from "./model-types";
import { binsAsOf, pdForScore, scorePortfolio } from "./scorecard";
import { validateModel } from "./validate";

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
    // The committed file = this fit + the validation block, which only `npm run model:fit` computes
    // (about 45 fits); its reproducibility is tested on a sample below.
    const committed = readFileSync(path.join(import.meta.dirname, "model.json"), "utf8");
    const { validation, ...fitPart } = JSON.parse(committed) as ScoreModel;
    expect(serializeModel(fitPart)).toBe(json);
    expect(validation?.cv.runs).toHaveLength(validation!.cv.folds * validation!.cv.repeats);
    expect(committed).toBe(serializeModel({ ...model, validation }));
    expect(loadModel()).toEqual(JSON.parse(committed));
  });

  it("cross-validates reproducibly, byte for byte (sample, 3 folds x 1 repeat)", () => {
    const sample = rows.filter((r) => r.id % 5 === 0);
    const opts = { folds: 3, repeats: 1, seed: 7 };
    const a = JSON.stringify(validateModel(model, sample, opts));
    expect(JSON.stringify(validateModel(model, sample, opts))).toBe(a);
    const v = JSON.parse(a) as NonNullable<ScoreModel["validation"]>;
    expect(v.cv.runs).toHaveLength(3);
    expect(v.cv.auc.mean).toBeGreaterThan(0.7);
    expect(v.challenger.cv.auc.mean).toBeGreaterThan(0.7);
  });

  it("calibrates PD on training data: one score, one PD, never rising with the score", () => {
    const pds = Array.from({ length: 601 }, (_, i) => pdForScore(model, 350 + i));
    pds.slice(1).forEach((p, i) => expect(p).toBeLessThanOrEqual(pds[i]));
    expect(model.calibration!.table[0].from).toBe(350);
    expect(model.calibration!.table.at(-1)!.to).toBe(950);
  });

  it("does not depend on SEX, MARRIAGE, AGE or EDUCATION", () => {
    const scrambled = rows.map((r, i) => ({ ...r, sex: 1 + (i % 2), marriage: i % 4, age: 20 + (i % 50), education: i % 7 }));
    expect(serializeModel(fitScorecard(scrambled))).toBe(json);
  });

  it("has contiguous bins, integer points, monotone points where declared and known characteristics", () => {
    for (const c of model.characteristics) {
      const def = V3_FEATURES.find((f) => f.code === c.code)!;
      expect(def.name).toBe(c.name);
      expect(c.shape).toBe(def.otherSideReasonText ? "learned" : "monotone");
      // Monotone: the riskier direction never earns more points, so the one reason text is true.
      const pts = c.bins.map((b) => b.points);
      if (c.shape === "monotone") pts.slice(1).forEach((p, k) => expect(def.monotone === "up" ? p <= pts[k] : p >= pts[k]).toBe(true));
      c.bins.forEach((b) => expect(b.reasonText === undefined || b.reasonText === def.otherSideReasonText).toBe(true));
      expect(c.bins[0].lower).toBeNull();
      expect(c.bins.at(-1)!.upper).toBeNull();
      c.bins.slice(1).forEach((b, k) => expect(b.lower).toBe(c.bins[k].upper));
      c.bins.forEach((b) => expect(Number.isInteger(b.points)).toBe(true));
      expect(c.bins.reduce((s, b) => s + b.count, 0)).toBe(24000);
    }
  });

  it("scores every training borrower in the bin the fit counted him in (stored cuts are exact)", () => {
    // Rounded cuts (1/6 stored as 0.166667) once put the borrowers at exactly 1 in 6 months (3,080
    // late, 4,434 without a payment) in the bin below, with other points than the fit gave them.
    const train = rows.filter((r) => r.id <= 24000);
    const counts = model.characteristics.map((c) => c.bins.map(() => 0));
    train.forEach((b) => binsAsOf(model, b, 5).forEach((k, i) => counts[i][k]++));
    expect(counts).toEqual(model.characteristics.map((c) => c.bins.map((b) => b.count)));
  });

  // Speed is measured by `npm run bench`, not asserted here.
  it("scores every borrower for the four scored months, June to September", () => {
    const out = scorePortfolio(model, rows);
    expect(out).toHaveLength(30000);
    expect(out[0].months.map((m) => m.month)).toEqual(["2005-06", "2005-07", "2005-08", "2005-09"]);
  });
});
