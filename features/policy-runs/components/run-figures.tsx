// The run's summary figures: counts and sums, exposure / EAD / expected-loss deltas, tier migration.
import { Card } from "@/components/card";
import { Stat, StatGrid } from "@/components/stat";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { formatInt, formatNtd, formatSigned } from "@/lib/format";
import type { RunSummary } from "../summary-sql";

const TIERS = ["LOW", "MEDIUM", "HIGH"] as const;
const signedNtd = (n: number) => `NT$${formatSigned(Math.round(n))}`;

export function RunFigures({ summary }: { summary: RunSummary }) {
  return (
    <Card title="Summary" description="What approving the run does. Items above the per-item approval threshold stay in the inbox for individual decisions.">
      <StatGrid>
        <Stat label="Proposals" value={formatInt(summary.proposals)} hint={`${formatInt(summary.runItems.count)} decided by the run · ${formatInt(summary.individual.count)} individually`} />
        <Stat label="Increases" value={formatInt(summary.increase.count)} hint={`Σ ${formatNtd(summary.increase.amount)}`} />
        <Stat label="Decreases" value={formatInt(summary.decrease.count)} hint={`Σ ${formatNtd(summary.decrease.amount)}`} />
        <Stat label="Exposure Δ" value={signedNtd(summary.exposureDelta)} hint={`EAD Δ ${signedNtd(summary.eadDelta)} · expected loss Δ ${signedNtd(summary.expectedLossDelta)}`} />
      </StatGrid>
      <div className="mt-4">
        <TableShell label="Tier migration of the proposals">
          <Table>
            <caption className="sr-only">Tier migration of the proposals: rows tier before, columns tier after</caption>
            <thead>
              <tr>
                <Th>Before \ after</Th>
                {TIERS.map((t) => (
                  <Th key={t} numeric>{t}</Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {TIERS.map((b, i) => (
                <tr key={b}>
                  <RowTh>{b}</RowTh>
                  {TIERS.map((a, j) => (
                    <Td key={a} numeric>{formatInt(summary.migration[i]?.[j] ?? 0)}</Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </TableShell>
      </div>
    </Card>
  );
}
