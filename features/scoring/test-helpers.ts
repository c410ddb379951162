/** Builders shared by the scoring tests (not used by app code). */
import { MONTHS, type BorrowerRecord } from "@/features/import/types";
import type { ModelCharacteristic, ScoreModel } from "./model-types";
import { makeScaling } from "./scaling";

export type MonthInput = { bill: number; payment: number; status: number };

/** A borrower from 6 months given oldest (April) first. */
export function borrower(months: MonthInput[], extra: Partial<BorrowerRecord> = {}): BorrowerRecord {
  return {
    id: 1,
    limit: 100000,
    sex: 2,
    education: 2,
    marriage: 1,
    age: 35,
    outcome: 0,
    months: months.map((m, i) => ({ month: MONTHS[i], ...m })),
    ...extra,
  };
}

export const steady = (bill: number, payment: number, status = 0): MonthInput[] =>
  Array.from({ length: 6 }, () => ({ bill, payment, status }));

/** A hand-made model: per characteristic, ascending cuts and the points of each bin. */
export function handModel(spec: Array<{ name: string; code: string; cuts: number[]; points: number[] }>, basePoints = 600): ScoreModel {
  const characteristics: ModelCharacteristic[] = spec.map((s) => ({
    name: s.name,
    code: s.code,
    description: s.name,
    reasonText: `reason ${s.code}`,
    coefficient: 1,
    iv: 0.1,
    bins: s.points.map((points, k) => ({
      label: `bin ${k}`,
      lower: k === 0 ? null : s.cuts[k - 1],
      upper: k === s.cuts.length ? null : s.cuts[k],
      woe: 0,
      points,
      count: 1,
      bads: 0,
      badRate: 0,
    })),
  }));
  const empty = { n: 0, auc: 0, ks: 0, gini: 0, defaultRate: 0 };
  return {
    version: "test",
    trainedAt: "test",
    scaling: makeScaling(),
    characteristics,
    basePoints,
    intercept: 0,
    train: empty,
    holdout: { ...empty, roc: [], ksCurve: [] },
  };
}
