import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import type { PolicyPreview } from "@/features/policy/preview/types";
import type { Baseline } from "@/features/policy/preview/side-by-side";
import { worstAir } from "@/features/policy/preview/side-by-side";
import { formatDecimal, formatInt, formatNtd, formatSigned } from "@/lib/format";

type Row = { label: string; hint: string; active: number | null; draft: number | null; format: (n: number) => string; diff: (n: number) => string; better: "lower" | "higher" };

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const pp = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n * 100).toFixed(1)} pp`;
const ntdSigned = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${formatNtd(Math.abs(Math.round(n)))}`;

/**
 * The active policy's own run and the draft on the same portfolio, with the difference (issue 11
 * §4): a reviewer can tell whether the draft is better. Each row says which direction is better.
 */
export function SideBySideTable({ preview }: { preview: PolicyPreview & { baseline?: Baseline } }) {
  const base = preview.baseline;
  if (!base) return null;
  const rows: Row[] = [
    { label: "Defaulters in high risk", hint: "share of October 2005 defaulters", active: base.backtest.defaultersInHighAfterShare, draft: preview.backtest.defaultersInHighAfterShare, format: pct, diff: pp, better: "higher" },
    { label: "Good borrowers cut", hint: "share of non-defaulters", active: base.backtest.goodBorrowersCutShare, draft: preview.backtest.goodBorrowersCutShare, format: pct, diff: pp, better: "lower" },
    { label: "Defaulters given an increase", hint: "share of defaulters", active: base.backtest.defaultersIncreasedShare, draft: preview.backtest.defaultersIncreasedShare, format: pct, diff: pp, better: "lower" },
    { label: "Utilisation shock", hint: "cut borrowers above 90 % of the new limit", active: base.utilizationShock.count, draft: preview.utilizationShock.count, format: formatInt, diff: formatSigned, better: "lower" },
    { label: "Expected loss", hint: "PD × LGD × EAD after the changes", active: base.expectedLoss.after, draft: preview.expectedLoss.after, format: (n) => formatNtd(Math.round(n)), diff: ntdSigned, better: "lower" },
    { label: "Available credit", hint: "Σ limit − balance after the changes", active: base.availableCredit?.after ?? null, draft: preview.availableCredit?.after ?? null, format: formatNtd, diff: ntdSigned, better: "higher" },
    { label: "Fairness: lowest ratio by sex", hint: "adverse-impact ratio, flagged below 0.8", active: worstAir(base.fairness, "sex"), draft: worstAir(preview.fairness, "sex"), format: (n) => formatDecimal(n, 3), diff: (n) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n).toFixed(3)}`, better: "higher" },
    { label: "Fairness: lowest ratio by age band", hint: "adverse-impact ratio, flagged below 0.8", active: worstAir(base.fairness, "age"), draft: worstAir(preview.fairness, "age"), format: (n) => formatDecimal(n, 3), diff: (n) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n).toFixed(3)}`, better: "higher" },
  ];
  return (
    <TableShell label="Active policy and draft side by side">
      <Table>
        <caption className="sr-only">Active policy and draft side by side, with the difference</caption>
        <thead>
          <tr>
            <Th>Measure</Th>
            <Th numeric>Active policy</Th>
            <Th numeric>These settings</Th>
            <Th numeric>Difference</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const d = r.active != null && r.draft != null ? r.draft - r.active : null;
            const verdict = d == null || Math.abs(d) < 1e-12 ? "same" : (d < 0) === (r.better === "lower") ? "better" : "worse";
            return (
              <tr key={r.label}>
                <RowTh className="whitespace-normal">
                  {r.label}
                  <span className="block text-xs font-normal text-slate-600">{r.hint}</span>
                </RowTh>
                <Td numeric>{r.active == null ? "—" : r.format(r.active)}</Td>
                <Td numeric>{r.draft == null ? "—" : r.format(r.draft)}</Td>
                <Td numeric className={verdict === "better" ? "text-green-800" : verdict === "worse" ? "text-red-800" : "text-slate-700"}>
                  {d == null ? "—" : `${r.diff(d)} (${verdict})`}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </TableShell>
  );
}
