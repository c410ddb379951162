/**
 * The monitoring reports of a month (the month against every earlier scored month, the first
 * against itself) from the whole portfolio in memory: the REFERENCE the import's set-based path
 * (features/monitoring/mutations.ts buildMonthReportsInTx) is tested against on the seed
 * (tests/db/monitoring.test.ts). Pure; fine for small portfolios, not used by the import.
 */
import type { ScoreModel } from "@/features/scoring/model-types";
import type { Tier } from "@/features/policy/schema";
import { buildMonitoringReport, type MonitoringReport, type MonthSnapshot } from "@/features/monitoring/report";
import { OUTCOME_MONTH } from "@/features/monitoring/snapshots";
import { binsOf } from "./score-month";

export type HistoryRow = { id: number; month: string; limit: number; bill: number; payment: number; status: number };
export type StoredScore = { id: number; month: string; score: number; pd: number; tier: Tier };

/** `m` minus `n` months (YYYY-MM). */
export function monthsBack(m: string, n: number): string {
  const [y, mo] = m.split("-").map(Number);
  const t = y * 12 + (mo - 1) - n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
}

/** history: ordered by borrower then month; scores: the stored scores of `months`; outcome by borrower id. */
export function buildMonthReports(model: ScoreModel, month: string, months: string[], history: HistoryRow[], scores: StoredScore[], outcome: Map<number, number>): MonitoringReport[] {
  const byId = new Map<number, HistoryRow[]>();
  for (const h of history) {
    let list = byId.get(h.id);
    if (!list) byId.set(h.id, (list = []));
    list.push(h);
  }
  const snapshot = (m: string): MonthSnapshot => {
    const rows = scores.filter((s) => s.month === m);
    const bins: number[][] = model.characteristics.map(() => new Array<number>(rows.length));
    rows.forEach((s, i) => {
      const hist = (byId.get(s.id) ?? []).filter((h) => h.month <= m);
      binsOf(model, hist[hist.length - 1].limit, hist).forEach((k, c) => (bins[c][i] = k));
    });
    return {
      month: m, scores: rows.map((r) => r.score), pds: rows.map((r) => r.pd), tiers: rows.map((r) => r.tier), bins,
      outcome: { month: OUTCOME_MONTH, defaulted: rows.map((r) => outcome.get(r.id) ?? 0) },
    };
  };
  const current = snapshot(month);
  const earlier = months.filter((m) => m < month);
  if (earlier.length === 0) return [buildMonitoringReport(model, current, current)];
  return earlier.map((m) => buildMonitoringReport(model, current, snapshot(m)));
}
