"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "@/components/button";
import { cn } from "@/components/cn";
import { ApiRequestError, errorMessage, fetchJson } from "@/lib/http-client";
import { adjustmentsApi } from "@/features/adjustments/client";
import { CommentDialog } from "@/components/comment-dialog";
import type { AdjustmentPage, AdjustmentView } from "@/features/adjustments/types";
import { readPage, useUrlParams } from "@/lib/use-url-params";
import { invalidateAfterDecision, queryKeys } from "@/lib/query-keys";
import { formatInt } from "@/lib/format";
import { seededFrom, type InitialPage } from "@/lib/initial-page";
import { ApiErrorNotice } from "@/components/api-error-notice";
import { AdjustmentsTable, blockedReason } from "./adjustments-table";
import { BulkResults, type BulkOutcome } from "./bulk-results";
import { decisionMessage } from "./decision-messages";
import { InboxFilters } from "./inbox-filters";
import { INBOX_DEFAULT_PAGE_SIZE, INBOX_KEYS, INBOX_PAGE_SIZES, inboxApiQuery, inboxFilterString, type InboxFilterKey } from "./inbox-params";
import { Pager } from "@/components/pager";
import { StatusNotice, type Notice } from "@/components/status-notice";

type Props = { canDecide: boolean; actorEmail: string; actorRole?: string; initial?: InitialPage<AdjustmentPage> };

/** The pending adjustments: URL filters → API → table, with per-row and bulk decisions. */
export function AdjustmentsInbox({ canDecide, actorEmail, actorRole, initial = null }: Props) {
  const queryClient = useQueryClient();
  const { searchParams, update } = useUrlParams(INBOX_KEYS);
  const query = inboxApiQuery(searchParams);
  const { page, pageSize } = readPage(searchParams, INBOX_DEFAULT_PAGE_SIZE);
  const { data, error, isFetching, isPlaceholderData } = useQuery({
    queryKey: [...queryKeys.adjustments, query],
    queryFn: ({ signal }) => fetchJson<AdjustmentPage>(`/api/v1/adjustments?${query}`, signal),
    placeholderData: keepPreviousData,
    ...seededFrom(initial, query),
    // Others decide too: a few seconds, not the app's 30 s (own decisions invalidate at once).
    staleTime: 5_000,
  });

  // Selection belongs to one query: a new filter or page starts with nothing selected.
  const [selection, setSelection] = useState<{ query: string; ids: Set<string> }>({ query, ids: new Set() });
  const onScreen = new Map((data?.items ?? []).map((a) => [a.id, a]));
  const selected = new Set(selection.query === query ? [...selection.ids].filter((id) => onScreen.get(id)?.status === "PENDING") : []);
  const setSelected = (ids: Set<string>) => setSelection({ query, ids });

  const [busyId, setBusyId] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = () => requestAnimationFrame(() => noticeRef.current?.focus());
  const [notice, setNotice] = useState<Notice>(null);
  const [bulk, setBulk] = useState<BulkOutcome | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);

  function failureText(adj: AdjustmentView, err: unknown) {
    return `Borrower ${adj.borrowerId}: ${errorMessage(err)}`;
  }

  async function approve(adj: AdjustmentView) {
    setBusyId(adj.id);
    setNotice(null);
    try {
      const result = await adjustmentsApi.approve(adj.id);
      setNotice({ tone: "ok", text: decisionMessage(result) });
      focusNotice();
    } catch (err) {
      setNotice({ tone: "error", text: failureText(adj, err) });
    } finally {
      setBusyId(null);
      invalidateAfterDecision(queryClient);
    }
  }

  async function reject(adj: AdjustmentView, comment: string): Promise<string | null> {
    setNotice(null);
    try {
      const result = await adjustmentsApi.reject(adj.id, comment);
      setNotice({ tone: "ok", text: decisionMessage(result) });
      focusNotice();
      invalidateAfterDecision(queryClient);
      return null;
    } catch (err) {
      // A 403/409 will not change on retry: close the dialog and say why on the page.
      if (err instanceof ApiRequestError && (err.status === 403 || err.status === 409 || err.status === 404)) {
        setNotice({ tone: "error", text: failureText(adj, err) });
        invalidateAfterDecision(queryClient);
        return null;
      }
      return errorMessage(err);
    }
  }

  async function decideBulk(decision: "approve" | "reject", comment: string): Promise<string | null> {
    const ids = [...selected];
    const rows = Object.fromEntries(ids.map((id) => [id, onScreen.get(id)!]));
    setBulkBusy(true);
    setNotice(null);
    try {
      const { results } = await adjustmentsApi.bulk(ids, decision, comment || undefined);
      setBulk({ decision, results, rows });
      setSelected(new Set());
      invalidateAfterDecision(queryClient);
      return null;
    } catch (err) {
      return errorMessage(err);
    } finally {
      setBulkBusy(false);
    }
  }

  const onApply = (filters: Record<InboxFilterKey, string>) => update({ ...filters, page: null });
  const status = searchParams.get("status") || "PENDING";
  const noun = status === "PENDING" ? "pending adjustment" : `${status.toLowerCase()} adjustment`;

  return (
    <div className="space-y-3">
      <InboxFilters key={inboxFilterString(searchParams)} params={searchParams} onApply={onApply} />

      {canDecide && status === "PENDING" ? (
        <div
          role="group"
          aria-label="Bulk decisions"
          className={cn(
            "flex flex-wrap items-center gap-2 rounded-lg border px-3 py-2",
            selected.size ? "border-blue-200 bg-blue-50" : "border-slate-200 bg-white",
          )}
        >
          <span className="text-sm text-slate-800 tabular-nums">
            {selected.size ? `${formatInt(selected.size)} selected` : "Select rows to decide several at once"}
          </span>
          <CommentDialog
            triggerLabel="Approve selected"
            triggerVariant="primary"
            disabled={!selected.size || bulkBusy}
            title={`Approve ${formatInt(selected.size)} adjustment${selected.size === 1 ? "" : "s"}`}
            description="Each one is decided on its own: those that need a second approver stay pending with your approval recorded, and any you may not decide are listed with the reason."
            confirmLabel="Approve all selected"
            comment={{ label: "Comment", required: false }}
            onConfirm={(comment) => decideBulk("approve", comment)}
          />
          <CommentDialog
            triggerLabel="Reject selected"
            triggerClassName="text-red-800"
            disabled={!selected.size || bulkBusy}
            title={`Reject ${formatInt(selected.size)} adjustment${selected.size === 1 ? "" : "s"}`}
            description="The limits stay as they are. The comment is recorded on every rejected adjustment."
            confirmLabel="Reject all selected"
            comment={{ label: "Why reject them", required: true, minLength: 3 }}
            onConfirm={(comment) => decideBulk("reject", comment)}
          />
          {selected.size ? (
            <Button variant="ghost" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          ) : null}
        </div>
      ) : null}

      {/* A decided row leaves the list: focus lands on the outcome message, not on <body>. */}
      <div ref={noticeRef} tabIndex={-1} className="outline-none">
        <StatusNotice notice={notice} />
      </div>
      {bulk ? <BulkResults outcome={bulk} onDismiss={() => setBulk(null)} /> : null}

      <p role="status" className="min-h-5 text-xs text-slate-600">
        {isFetching ? "Loading adjustments…" : data ? `Showing ${formatInt(data.items.length)} of ${data.totalIsEstimate ? "≈ " : ""}${formatInt(data.total)}` : ""}
      </p>
      {error ? <ApiErrorNotice error={error} fallback="Could not load adjustments. Check your connection and try again." returnTo="/inbox" /> : null}
      <AdjustmentsTable
        items={error ? [] : data?.items}
        canDecide={canDecide}
        actorRole={actorRole}
        actorEmail={actorEmail}
        selected={selected}
        onToggle={(id, on) => {
          const next = new Set(selected);
          if (on) next.add(id);
          else next.delete(id);
          setSelected(next);
        }}
        onToggleAll={(on) => setSelected(on ? new Set((data?.items ?? []).filter((a) => a.status === "PENDING" && !blockedReason(a, actorEmail, actorRole)).map((a) => a.id)) : new Set())}
        busyId={busyId}
        onApprove={approve}
        onReject={reject}
        stale={isPlaceholderData}
        shownQuery={isPlaceholderData || !data ? "" : query}
        emptyText={error ? "No rows to show: see the message above." : status === "PENDING" ? "Nothing is waiting for a decision with these filters." : "No adjustments match these filters."}
        pageSize={pageSize}
      />
      <Pager
        page={page}
        pageSize={pageSize}
        total={error ? undefined : data?.total}
        totalIsEstimate={data?.totalIsEstimate}
        failed={Boolean(error)}
        noun={noun}
        sizes={INBOX_PAGE_SIZES}
        onPage={(p) => update({ page: p > 1 ? p : null })}
        onPageSize={(size) => update({ pageSize: size, page: null })}
      />
    </div>
  );
}
