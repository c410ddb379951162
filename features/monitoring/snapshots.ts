/**
 * Month snapshots from the imported records and their stored score rows, and the reports the seed
 * stores: every scored month against every earlier scored month (and June against itself), so
 * any (month, reference) pair the API offers is a lookup.
 */
import type { BorrowerRecord } from "@/features/import/types";
import { MONTHS } from "@/features/import/types";
import type { ScoreModel } from "@/features/scoring/model-types";
import { binsAsOf } from "@/features/scoring/scorecard";
import type { Tier } from "@/features/policy/schema";
import { buildMonitoringReport, type MonitoringReport, type MonthSnapshot } from "./report";

/** The one observed outcome of the data set: default in October 2005. */
export const OUTCOME_MONTH = "2005-10";
/** The pinned reference month: the first scored month. */
export const DEFAULT_REFERENCE = "2005-06";

export type ScoredCell = { borrowerId: number; month: string; score: number; pd: number; tier: Tier };

export function snapshotOf(model: ScoreModel, rows: BorrowerRecord[], cells: Map<number, ScoredCell>, monthIndex: number): MonthSnapshot {
  const month = MONTHS[monthIndex];
  const bins: number[][] = model.characteristics.map(() => new Array<number>(rows.length));
  const scores: number[] = [];
  const pds: number[] = [];
  const tiers: Tier[] = [];
  rows.forEach((b, i) => {
    const cell = cells.get(b.id);
    if (!cell) throw new Error(`borrower ${b.id} has no score for ${month}`);
    scores.push(cell.score);
    pds.push(cell.pd);
    tiers.push(cell.tier);
    binsAsOf(model, b, monthIndex).forEach((k, c) => (bins[c][i] = k));
  });
  return { month, scores, pds, tiers, bins, outcome: { month: OUTCOME_MONTH, defaulted: rows.map((r) => r.outcome) } };
}

export function buildSeedReports(model: ScoreModel, rows: BorrowerRecord[], scoreRows: ScoredCell[], monthIndexes: number[]): MonitoringReport[] {
  const byMonth = new Map<string, Map<number, ScoredCell>>();
  for (const s of scoreRows) {
    let m = byMonth.get(s.month);
    if (!m) byMonth.set(s.month, (m = new Map()));
    m.set(s.borrowerId, s);
  }
  const snaps = monthIndexes.map((mi) => snapshotOf(model, rows, byMonth.get(MONTHS[mi]) ?? new Map(), mi));
  const out: MonitoringReport[] = [];
  snaps.forEach((cur, i) => {
    for (let j = 0; j <= i; j++) if (j < i || i === 0) out.push(buildMonitoringReport(model, cur, snaps[j]));
  });
  return out;
}
