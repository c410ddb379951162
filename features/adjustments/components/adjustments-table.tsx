"use client";

import Link from "next/link";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Button } from "@/components/button";
import { cn } from "@/components/cn";
import { Table, TableShell, Td, Th } from "@/components/table";
import { formatDate, formatInt } from "@/lib/format";
import { CommentDialog } from "@/components/comment-dialog";
import { AdjustmentStatusBadge, Approvals, AvailableCell, LimitChangeCell, ReasonCodeList, TierChange } from "@/components/display";
import type { AdjustmentView } from "@/features/adjustments/types";

type Props = {
  items: AdjustmentView[] | undefined;
  /** Decide buttons and checkboxes (adjustment:decide). */
  canDecide: boolean;
  actorRole?: string;
  actorEmail: string;
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  /** Id of the row whose decision is in flight. */
  busyId: string | null;
  onApprove: (adj: AdjustmentView) => void;
  /** Resolves to an error message for the dialog, or null when done. */
  onReject: (adj: AdjustmentView, comment: string) => Promise<string | null>;
  stale: boolean;
  /** The API query whose rows are on screen ("" while loading): lets tests wait for the right rows. */
  shownQuery: string;
  emptyText: string;
  pageSize: number;
};

/** Why this user cannot decide a row (the server says the same; this just saves a click). */
export function blockedReason(adj: AdjustmentView, actorEmail: string, actorRole?: string): string | null {
  if (adj.status !== "PENDING") return null;
  if (adj.stale && adj.staleReason) return `Stale: ${adj.staleReason}; re-propose`;
  if (adj.stale) return `Stale: proposed against NT$${adj.oldLimit.toLocaleString("en-US")}, the limit is now NT$${(adj.currentLimit ?? 0).toLocaleString("en-US")}; re-propose`;
  if (adj.proposedByEmail === actorEmail) return "Your proposal: someone else decides";
  if (adj.decisions.some((d) => d.deciderEmail === actorEmail && d.decision === "APPROVE")) return "You approved; a second approver decides";
  // Mirrors the server's rule (features/adjustments/rules.ts decide): the last approval of an
  // override still lacking an ADMIN is reserved for an ADMIN. Rejecting stays possible, but the
  // row's buttons go together, so the row says who decides.
  const o = adj.override;
  if (o?.needsAdmin && actorRole !== "ADMIN" && adj.approvals + 1 >= adj.requiredApprovals && !adj.decisions.some((d) => d.decision === "APPROVE" && d.deciderRole === "ADMIN")) {
    return "Override: the remaining approval must come from an ADMIN";
  }
  return null;
}

export function AdjustmentsTable({ items, canDecide, actorEmail, actorRole, selected, onToggle, onToggleAll, busyId, onApprove, onReject, stale, shownQuery, emptyText, pageSize }: Props) {
  const selectable = canDecide ? (items ?? []).filter((a) => a.status === "PENDING" && !blockedReason(a, actorEmail, actorRole)) : [];
  const allOn = selectable.length > 0 && selectable.every((a) => selected.has(a.id));
  const someOn = selectable.some((a) => selected.has(a.id));
  const headerBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = someOn && !allOn;
  }, [someOn, allOn]);
  const columns = canDecide ? 11 : 10;
  // The loading rows' height stays the table's floor: a page with fewer rows would otherwise pull the
  // appeals section and the footer up under the pointer (CLS 0.07–0.12 on the inbox).
  const box = useRef<HTMLDivElement>(null);
  const [floor, setFloor] = useState<number>();
  useLayoutEffect(() => {
    if (!items && floor === undefined && box.current) setFloor(box.current.offsetHeight);
  }, [items, floor]);

  return (
    <div ref={box} style={floor ? { minHeight: floor } : undefined}>
      <TableShell label="Adjustments table" className={cn("rounded-lg border border-slate-200 bg-white shadow-xs transition-opacity", stale && "opacity-60")}>
        <Table aria-label="Adjustments" aria-busy={stale || !items} data-query={shownQuery}>
          <thead>
            <tr>
              {canDecide ? (
                <Th className="w-8">
                  <input
                    ref={headerBox}
                    type="checkbox"
                    aria-label="Select all adjustments on this page"
                    className="size-4 accent-blue-700"
                    checked={allOn}
                    disabled={selectable.length === 0}
                    onChange={(e) => onToggleAll(e.target.checked)}
                  />
                </Th>
              ) : null}
              <Th>Borrower</Th>
              <Th numeric>Limit (old → new)</Th>
              <Th numeric>Available credit (before → after)</Th>
              <Th>Tier (before → after)</Th>
              <Th numeric>Score</Th>
              <Th>Reason codes</Th>
              <Th>Source / proposer</Th>
              <Th>Approvals</Th>
              <Th>Proposed</Th>
              <Th>{canDecide ? "Decision" : "Status"}</Th>
            </tr>
          </thead>
          <tbody>
            {items
              ? items.map((adj) => {
                  const blocked = blockedReason(adj, actorEmail, actorRole);
                  const busy = busyId === adj.id;
                  return (
                    <tr key={adj.id} className={cn("align-top hover:bg-slate-50", selected.has(adj.id) && "bg-blue-50/60")} data-adjustment-id={adj.id}>
                      {canDecide ? (
                        <Td className="w-8">
                          {adj.status === "PENDING" && !blocked ? (
                            <input
                              type="checkbox"
                              aria-label={`Select adjustment for borrower ${adj.borrowerId}`}
                              className="size-4 accent-blue-700"
                              checked={selected.has(adj.id)}
                              onChange={(e) => onToggle(adj.id, e.target.checked)}
                            />
                          ) : null}
                        </Td>
                      ) : null}
                      <Td>
                        <Link href={`/borrowers/${adj.borrowerId}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                          {adj.borrowerId}
                        </Link>
                      </Td>
                      <Td numeric>
                        <LimitChangeCell oldLimit={adj.oldLimit} newLimit={adj.newLimit} />
                      </Td>
                      <Td numeric>
                        <AvailableCell oldLimit={adj.oldLimit} newLimit={adj.newLimit} balance={adj.balance} />
                      </Td>
                      <Td>
                        <TierChange before={adj.tierBefore} after={adj.tierAfter} />
                      </Td>
                      <Td numeric>{adj.score != null ? formatInt(adj.score) : "—"}</Td>
                      <Td>
                        {adj.override ? (
                          <p className="mb-1 text-xs font-semibold text-amber-900" title={adj.override.rules.map((r) => r.message).join("; ")}>
                            Override: {adj.override.rules.map((r) => r.code).join(", ")}
                            {adj.override.needsAdmin ? " · needs an ADMIN" : ""}
                          </p>
                        ) : null}
                        <ReasonCodeList codes={adj.reasonCodes} />
                        {adj.reason ? (
                          <p className="mt-0.5 max-w-72 truncate text-xs text-slate-600 italic" title={adj.reason}>
                            “{adj.reason}”
                          </p>
                        ) : null}
                      </Td>
                      <Td>
                        <span className="block text-xs font-medium text-slate-800">
                          {adj.source === "POLICY_RUN" ? `Policy run${adj.policyVersion != null ? ` (v${adj.policyVersion})` : ""}` : "Manual"}
                        </span>
                        <span className="block text-xs text-slate-600">{adj.proposedByEmail}</span>
                      </Td>
                      <Td>
                        <Approvals approvals={adj.approvals} required={adj.requiredApprovals} />
                      </Td>
                      <Td className="text-xs text-slate-700">{formatDate(adj.createdAt)}</Td>
                      <Td>
                        {adj.status !== "PENDING" ? (
                          <span className="inline-flex flex-col gap-0.5">
                            <AdjustmentStatusBadge status={adj.status} />
                            <span className="text-xs text-slate-600">{adj.decisions.map((d) => d.deciderEmail).join(", ")}</span>
                          </span>
                        ) : !canDecide ? (
                          <AdjustmentStatusBadge status={adj.status} />
                        ) : blocked ? (
                          <span className="block max-w-40 text-xs whitespace-normal text-slate-600">{blocked}</span>
                        ) : (
                          <span className="flex gap-1.5">
                            <Button
                              variant="primary"
                              className="px-2 py-1 text-xs"
                              disabled={busy}
                              aria-label={`Approve adjustment for borrower ${adj.borrowerId}`}
                              onClick={() => onApprove(adj)}
                            >
                              {busy ? "Working…" : "Approve"}
                            </Button>
                            <CommentDialog
                              triggerLabel="Reject"
                              triggerAriaLabel={`Reject adjustment for borrower ${adj.borrowerId}`}
                              triggerClassName="px-2 py-1 text-xs text-red-800"
                              disabled={busy}
                              title={`Reject the adjustment for borrower ${adj.borrowerId}`}
                              description={`Proposed limit ${adj.newLimit < adj.oldLimit ? "cut" : "increase"} from NT$${formatInt(adj.oldLimit)} to NT$${formatInt(adj.newLimit)}. The limit stays as it is; the proposer sees your comment.`}
                              confirmLabel="Reject adjustment"
                              comment={{ label: "Why reject it", required: true, minLength: 3 }}
                              onConfirm={(comment) => onReject(adj, comment)}
                            />
                          </span>
                        )}
                      </Td>
                    </tr>
                  );
                })
              : // As many rows as a page shows above the fold, as tall as a loaded row (47.5 px: two-line cells).
                Array.from({ length: Math.min(pageSize, 25) }, (_, i) => (
                  <tr key={i} aria-hidden="true" className="h-12">
                    {Array.from({ length: columns }, (_, j) => (
                      <td key={j} className="border-b border-slate-100 px-3 py-1.5">
                        <span className="block h-5 animate-pulse rounded bg-slate-100" />
                      </td>
                    ))}
                  </tr>
                ))}
            {items && items.length === 0 ? (
              <tr>
                <td colSpan={columns} className="px-3 py-8 text-center text-sm text-slate-600">
                  {emptyText}
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </TableShell>
    </div>
  );
}
