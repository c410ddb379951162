import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import type { Reliability } from "@/features/scoring/calibration";
import { formatInt, formatPct } from "@/lib/format";

/** Predicted PD vs observed default rate in 10 equal-count score bands. */
export function ReliabilityTable({ reliability: r, label }: { reliability: Reliability; label: string }) {
  const hl = r.hosmerLemeshow;
  return (
    <div className="space-y-2">
      <TableShell label={label}>
        <Table>
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              <Th>Band</Th>
              <Th numeric>Scores</Th>
              <Th numeric>Borrowers</Th>
              <Th numeric>PD</Th>
              <Th numeric>Observed</Th>
              <Th numeric>Error (pp)</Th>
            </tr>
          </thead>
          <tbody>
            {r.bands.map((b) => (
              <tr key={b.band}>
                <RowTh className="font-normal">{b.band}</RowTh>
                <Td numeric>
                  {b.minScore}–{b.maxScore}
                </Td>
                <Td numeric>{formatInt(b.n)}</Td>
                <Td numeric>{formatPct(b.predicted)}</Td>
                <Td numeric>{formatPct(b.observed)}</Td>
                <Td numeric className={Math.abs(b.error) > 0.04 ? "font-medium text-red-800" : undefined}>
                  {(b.error * 100).toFixed(1)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableShell>
      <p className="text-xs text-slate-600">
        Mean absolute error {formatPct(r.meanAbsError, 2)}, worst band {formatPct(r.worstAbsError, 2)}; Hosmer–Lemeshow χ² {hl.chi2.toFixed(1)} (df {hl.df}),
        p = {hl.p.toPrecision(2)}.
      </p>
    </div>
  );
}
