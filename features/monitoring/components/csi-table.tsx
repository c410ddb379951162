import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { formatInt, formatPct } from "@/lib/format";
import type { MonitoringReport } from "../report";
import type { PsiBin } from "../psi";
import { LightBadge } from "./light-badge";

function BinDetail({ bins, label }: { bins: PsiBin[]; label: string }) {
  return (
    <TableShell label={label}>
      <Table>
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <Th>Bin</Th>
            <Th numeric>Reference</Th>
            <Th numeric>Month</Th>
            <Th numeric>Contribution</Th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.label}>
              <RowTh className="font-normal">{b.label}</RowTh>
              <Td numeric>
                {formatInt(b.expectedCount)} ({formatPct(b.expectedShare)})
              </Td>
              <Td numeric>
                {formatInt(b.actualCount)} ({formatPct(b.actualShare)})
              </Td>
              <Td numeric>{b.contribution.toFixed(4)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableShell>
  );
}

/** Score PSI and CSI per characteristic, each with its per-bin drill-down. */
export function CsiTable({ report }: { report: MonitoringReport }) {
  const rows = [{ code: "Score", name: "score", description: "Score distribution (reference-month deciles)", ...report.scorePsi }, ...report.csi];
  return (
    <ul className="divide-y divide-slate-100" aria-label="Stability per characteristic">
      {rows.map((r) => (
        <li key={r.code} className="py-2">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="text-slate-900">
                <span className="font-mono text-xs text-slate-600">{r.code}</span> {r.description}
              </span>
              <span className="flex items-center gap-2 tabular-nums">
                {r.code === "Score" ? "PSI" : "CSI"} {r.value.toFixed(3)} <LightBadge light={r.light} />
              </span>
            </summary>
            <div className="mt-2">
              <BinDetail bins={r.bins} label={`Bins of ${r.code}`} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
