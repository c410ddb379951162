"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Table, TableShell, Td, Th } from "@/components/table";
import { ApiRequestError, errorMessage, fetchJson } from "@/lib/http-client";
import { appealsApi } from "@/features/appeals/client";
import { CommentDialog } from "@/components/comment-dialog";
import { CHANNEL_LABEL, OverdueBadge } from "@/features/appeals/components/appeal-badges";
import type { AppealView } from "@/features/appeals/types";
import { formatDate, formatInt } from "@/lib/format";
import { seededFrom, type InitialPage } from "@/lib/initial-page";
import { ApiErrorNotice } from "@/components/api-error-notice";
import { invalidateAfterDecision, queryKeys } from "@/lib/query-keys";
import { StatusNotice, type Notice } from "@/components/status-notice";

/** OPEN appeals, overdue first (the API's order), with uphold/reverse for deciders. */
export type AppealsPage = { items: AppealView[] };
export const OPEN_APPEALS_QUERY = "status=OPEN";

export function AppealsSection({ canDecide, actorEmail, initial = null }: { canDecide: boolean; actorEmail?: string; initial?: InitialPage<AppealsPage> }) {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery({
    queryKey: [...queryKeys.appeals, "OPEN"],
    queryFn: ({ signal }) => fetchJson<AppealsPage>(`/api/v1/appeals?${OPEN_APPEALS_QUERY}`, signal),
    ...seededFrom(initial, OPEN_APPEALS_QUERY),
    staleTime: 5_000, // as the inbox above it: others decide too

  });
  const [notice, setNotice] = useState<Notice>(null);
  const items = data?.items ?? [];
  const overdue = items.filter((a) => a.overdue).length;

  async function decide(appeal: AppealView, decision: "uphold" | "reverse", comment: string): Promise<string | null> {
    setNotice(null);
    try {
      const result = await appealsApi.decide(appeal.id, decision, comment);
      setNotice({
        tone: "ok",
        text:
          result.status === "REVERSED"
            ? `Borrower ${appeal.borrowerId}: appeal granted, the cut is reversed.`
            : `Borrower ${appeal.borrowerId}: appeal closed, the cut stands.`,
      });
      invalidateAfterDecision(queryClient);
      return null;
    } catch (err) {
      if (err instanceof ApiRequestError && [403, 404, 409].includes(err.status)) {
        setNotice({ tone: "error", text: `Borrower ${appeal.borrowerId}: ${err.message}` });
        invalidateAfterDecision(queryClient);
        return null;
      }
      return errorMessage(err);
    }
  }

  return (
    <section aria-labelledby="appeals-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id="appeals-heading" className="text-base font-semibold text-slate-900">
          Appeals
        </h2>
        <p className="text-sm text-slate-600">
          {isPending ? "Loading…" : `${formatInt(items.length)} open${overdue ? `, ${formatInt(overdue)} overdue` : ""}`}
        </p>
      </div>
      <StatusNotice notice={notice} />
      {error ? <ApiErrorNotice error={error} fallback="Could not load appeals." returnTo="/inbox" /> : null}
      <TableShell label="Open appeals table" className="rounded-lg border border-slate-200 bg-white shadow-xs">
        <Table aria-label="Open appeals">
          <thead>
            <tr>
              <Th>Borrower</Th>
              <Th>Due</Th>
              <Th>Received</Th>
              <Th>Appeal</Th>
              <Th>Recorded by</Th>
              {canDecide ? <Th>Decision</Th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} className="align-top hover:bg-slate-50">
                <Td>
                  <Link href={`/borrowers/${a.borrowerId}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {a.borrowerId}
                  </Link>
                </Td>
                <Td>
                  <span className="inline-flex items-center gap-1.5">
                    {formatDate(a.dueAt)}
                    {a.overdue ? <OverdueBadge /> : null}
                  </span>
                </Td>
                <Td className="text-xs">
                  {formatDate(a.receivedAt)} · {CHANNEL_LABEL[a.channel] ?? a.channel}
                </Td>
                <Td className="min-w-64 text-xs whitespace-normal text-slate-800">{a.text}</Td>
                <Td className="text-xs text-slate-600">{a.recordedByEmail}</Td>
                {canDecide && actorEmail && a.excludedDeciders?.includes(actorEmail) ? (
                  <Td>
                    <span className="block max-w-40 text-xs whitespace-normal text-slate-600">You proposed or approved this cut: another manager decides</span>
                  </Td>
                ) : canDecide ? (
                  <Td>
                    <span className="flex gap-1.5">
                      <CommentDialog
                        triggerLabel="Reverse cut"
                        triggerAriaLabel={`Reverse cut for borrower ${a.borrowerId}`}
                        triggerVariant="primary"
                        triggerClassName="px-2 py-1 text-xs"
                        title={`Reverse the cut for borrower ${a.borrowerId}`}
                        description="Grants the appeal: the limit goes back to what it was before the cut (a scheduled cut is cancelled)."
                        confirmLabel="Reverse the cut"
                        comment={{ label: "Decision note", required: true, minLength: 3 }}
                        onConfirm={(comment) => decide(a, "reverse", comment)}
                      />
                      <CommentDialog
                        triggerLabel="Uphold cut"
                        triggerAriaLabel={`Uphold cut for borrower ${a.borrowerId}`}
                        triggerClassName="px-2 py-1 text-xs"
                        title={`Uphold the cut for borrower ${a.borrowerId}`}
                        description="Closes the appeal: the limit change stands. The note is recorded with the decision."
                        confirmLabel="Uphold the cut"
                        comment={{ label: "Decision note", required: true, minLength: 3 }}
                        onConfirm={(comment) => decide(a, "uphold", comment)}
                      />
                    </span>
                  </Td>
                ) : null}
              </tr>
            ))}
            {!isPending && items.length === 0 ? (
              <tr>
                <td colSpan={canDecide ? 6 : 5} className="px-3 py-6 text-center text-sm text-slate-600">
                  No open appeals.
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </TableShell>
    </section>
  );
}
