// A sample of the run's rows (largest changes first) and its exceptions.
import Link from "next/link";
import { Card } from "@/components/card";
import { Table, TableShell, Td, Th } from "@/components/table";
import { formatInt, formatNtd, formatSigned } from "@/lib/format";
import type { PolicyRunView, RunItem } from "./types";

function Items({ label, items }: { label: string; items: RunItem[] }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">None.</p>;
  return (
    <TableShell label={label}>
      <Table>
        <thead>
          <tr>
            <Th>Borrower</Th><Th numeric>Score</Th><Th>Tier</Th><Th numeric>Limit now</Th><Th numeric>Proposed</Th><Th numeric>Change</Th><Th>Status</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <Td><Link className="text-blue-800 underline underline-offset-2" href={`/borrowers/${i.borrowerId}`}>{i.borrowerId}</Link></Td>
              <Td numeric>{i.score ?? "—"}</Td>
              <Td>{i.tierBefore === i.tierAfter ? i.tierAfter : `${i.tierBefore} → ${i.tierAfter}`}</Td>
              <Td numeric>{formatNtd(i.oldLimit)}</Td>
              <Td numeric>{formatNtd(i.newLimit)}</Td>
              <Td numeric>{formatSigned(i.delta)}</Td>
              <Td>{i.status}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableShell>
  );
}

export function RunItems({ run }: { run: PolicyRunView }) {
  const x = run.exceptions;
  return (
    <>
      <Card title="Sample of rows" description="The largest changes the run decides.">
        <Items label="Sample of the run's rows" items={run.sample} />
      </Card>
      <Card title="Exceptions" description={`${formatInt(x.skippedPending)} borrowers skipped (they already had a pending adjustment) · ${formatInt(run.summary?.individual.count ?? 0)} items above the per-item threshold (decided in the inbox) · ${formatInt(run.progress.stale)} stale items (the limit changed since the run: reported, not applied)`}>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Individual decisions</h3>
        <Items label="Items above the per-item approval threshold" items={x.individual} />
        <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-900">Stale items</h3>
        <Items label="Stale items" items={x.stale} />
      </Card>
    </>
  );
}
