import Link from "next/link";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { formatInt } from "@/lib/format";
import { AdjustmentStatusBadge, LimitChangeCell } from "@/components/display";
import type { AdjustmentView, BulkResult } from "@/features/adjustments/types";

export type BulkOutcome = {
  decision: "approve" | "reject";
  results: BulkResult[];
  /** The rows as they were when selected, to name borrowers and amounts in the list. */
  rows: Record<string, AdjustmentView>;
};

const FAILURE_LABEL: Record<number, string> = { 403: "Not allowed", 404: "Not found", 409: "Already decided" };

/** Every item of a bulk decision with its outcome; failures first, each with the server's message. */
export function BulkResults({ outcome, onDismiss }: { outcome: BulkOutcome; onDismiss: () => void }) {
  const failed = outcome.results.filter((r) => r.status !== 200);
  const ok = outcome.results.filter((r) => r.status === 200);
  const count = (s: string) => ok.filter((r) => r.outcome === s).length;
  const parts = [
    count("APPROVED") ? `${formatInt(count("APPROVED"))} approved` : null,
    count("PENDING") ? `${formatInt(count("PENDING"))} waiting for a second approver` : null,
    count("REJECTED") ? `${formatInt(count("REJECTED"))} rejected` : null,
    failed.length ? `${formatInt(failed.length)} failed` : null,
  ].filter(Boolean);
  const ordered = [...failed, ...ok];
  return (
    <section aria-labelledby="bulk-results-title" className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div>
          <h3 id="bulk-results-title" className="text-sm font-semibold text-slate-900">
            Bulk {outcome.decision === "approve" ? "approval" : "rejection"} of {formatInt(outcome.results.length)} adjustment
            {outcome.results.length === 1 ? "" : "s"}
          </h3>
          <p role="status" className="mt-0.5 text-xs text-slate-700">
            {parts.join(" · ") || "Nothing was decided."}
          </p>
        </div>
        <Button variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </header>
      <TableShell label="Bulk decision results" className="max-h-80 overflow-y-auto">
        <Table aria-label="Bulk decision results">
          <thead>
            <tr>
              <Th>Borrower</Th>
              <Th numeric>Limit (old → new)</Th>
              <Th>Outcome</Th>
              <Th>Message</Th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((r) => {
              const row = outcome.rows[r.id];
              return (
                <tr key={r.id}>
                  <RowTh>
                    {row ? (
                      <Link href={`/borrowers/${row.borrowerId}`} className="text-blue-800 underline-offset-2 hover:underline">
                        {row.borrowerId}
                      </Link>
                    ) : (
                      <span className="font-mono text-xs">{r.id}</span>
                    )}
                  </RowTh>
                  <Td numeric>{row ? <LimitChangeCell oldLimit={row.oldLimit} newLimit={row.newLimit} /> : "—"}</Td>
                  <Td>
                    {r.status === 200 && r.outcome ? (
                      <AdjustmentStatusBadge status={r.outcome} />
                    ) : (
                      <Badge className="bg-red-50 text-red-800 ring-red-600/30">
                        Failed: {FAILURE_LABEL[r.status] ?? `HTTP ${r.status}`}
                      </Badge>
                    )}
                  </Td>
                  <Td className="text-xs whitespace-normal text-slate-700">
                    {r.message ?? (r.outcome === "PENDING" ? "Approval recorded; a second approver must decide." : "")}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </TableShell>
    </section>
  );
}
