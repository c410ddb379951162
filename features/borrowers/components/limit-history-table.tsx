import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { formatDate, formatDateTime } from "@/lib/format";
import { LimitChangeCell, LimitChangeStatusBadge } from "@/components/display";
import type { LimitChangeView } from "@/features/adjustments/types";

/** Applied, scheduled and cancelled limit changes of one borrower, newest first. */
export function LimitHistoryTable({ changes }: { changes: LimitChangeView[] }) {
  if (!changes.length) return <p className="text-sm text-slate-700">No limit changes yet: the limit is the one imported with the portfolio.</p>;
  return (
    <TableShell label="Limit history table">
      <Table aria-label="Limit history">
        <thead>
          <tr>
            <Th>Effective</Th>
            <Th numeric>Limit (old → new)</Th>
            <Th>Status</Th>
            <Th>Approved by</Th>
            <Th>From</Th>
            <Th>Recorded</Th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id} className="align-top">
              <RowTh>{formatDate(c.effectiveDate)}</RowTh>
              <Td numeric>
                <LimitChangeCell oldLimit={c.oldLimit} newLimit={c.newLimit} />
              </Td>
              <Td>
                <LimitChangeStatusBadge status={c.status} effectiveDate={c.effectiveDate} />
                {c.status === "APPLIED" && c.appliedAt ? <span className="block text-xs text-slate-600">on {formatDate(c.appliedAt)}</span> : null}
              </Td>
              <Td className="text-xs text-slate-700">{c.approvers.length ? c.approvers.join(", ") : "—"}</Td>
              <Td className="text-xs text-slate-700">{c.appealId ? "Appeal reversal" : "Approved adjustment"}</Td>
              <Td className="text-xs text-slate-700">{formatDateTime(c.createdAt)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableShell>
  );
}
