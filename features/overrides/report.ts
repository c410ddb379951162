// The override report (issue 11 §1): override rate by proposer, tier and month, with what became
// of the overridden borrowers (the observed October 2005 default). Pure: data.ts feeds it rows.
import type { OverrideGroup, OverrideReport } from "./schema";

export type ManualProposalRow = {
  proposedByEmail: string;
  tier: string | null;
  /** YYYY-MM of the proposal. */
  month: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  rules: string[] | null;
  /** 1 = defaulted, 0 = did not, null = unknown. */
  outcome: number | null;
};

function group(rows: ManualProposalRow[], keyOf: (r: ManualProposalRow) => string): OverrideGroup[] {
  const groups = new Map<string, OverrideGroup>();
  for (const r of rows) {
    const key = keyOf(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, proposals: 0, overrides: 0, overrideRate: 0, approved: 0, rejected: 0, pending: 0, outcomesKnown: 0, defaulted: 0, badRate: null }));
    g.proposals++;
    if (!r.rules) continue;
    g.overrides++;
    if (r.status === "APPROVED") g.approved++;
    else if (r.status === "REJECTED") g.rejected++;
    else g.pending++;
    if (r.outcome != null) {
      g.outcomesKnown++;
      g.defaulted += r.outcome === 1 ? 1 : 0;
    }
  }
  return [...groups.values()]
    .map((g) => ({ ...g, overrideRate: g.proposals ? g.overrides / g.proposals : 0, badRate: g.outcomesKnown ? g.defaulted / g.outcomesKnown : null }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function overrideReport(rows: ManualProposalRow[]): OverrideReport {
  const byRule = new Map<string, number>();
  for (const r of rows) for (const code of r.rules ?? []) byRule.set(code, (byRule.get(code) ?? 0) + 1);
  return {
    byProposer: group(rows, (r) => r.proposedByEmail),
    byTier: group(rows, (r) => r.tier ?? "unknown"),
    byMonth: group(rows, (r) => r.month),
    byRule: [...byRule].map(([rule, overrides]) => ({ rule, overrides })).sort((a, b) => b.overrides - a.overrides || a.rule.localeCompare(b.rule)),
  };
}

export const REPORT_COLUMNS = ["dimension", "key", "proposals", "overrides", "overrideRate", "approved", "rejected", "pending", "outcomesKnown", "defaulted", "badRate"] as const;

/** Flat rows for the CSV: one per group, the dimension named. */
export function reportRows(report: OverrideReport): Array<Record<(typeof REPORT_COLUMNS)[number], string | number | null>> {
  const dims: Array<[string, OverrideGroup[]]> = [["proposer", report.byProposer], ["tier", report.byTier], ["month", report.byMonth]];
  return dims.flatMap(([dimension, groups]) => groups.map((g) => ({ dimension, ...g })));
}
