"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId } from "react";
import { Button, buttonClasses } from "@/components/button";
import { cn } from "@/components/cn";
import { Select } from "@/components/field";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { fetchJson } from "@/lib/http-client";
import { LimitChangeCell, LimitChangeStatusBadge } from "@/components/display";
import type { LimitChangeView } from "@/features/adjustments/types";
import { useUrlParams } from "@/lib/use-url-params";
import { formatDate, formatDateTime, formatInt } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { listQueryString } from "@/features/borrowers/list-params";
import { ApiErrorNotice } from "@/components/api-error-notice";

const KEYS = ["after", "limit"] as const;
const LIMITS = [50, 100, 200] as const;
const DEFAULT_LIMIT = 50;

type FeedPage = { items: LimitChangeView[]; nextCursor: string | number | null };

/** The limit-change feed in `seq` order: cursor paging (the URL keeps the cursor) and a CSV of the page. */
export function LimitChangesFeed() {
  const { searchParams, update } = useUrlParams(KEYS);
  const limitId = useId();
  const limitParam = Number(searchParams.get("limit"));
  const limit = Number.isInteger(limitParam) && limitParam > 0 ? limitParam : DEFAULT_LIMIT;
  const after = searchParams.get("after") ?? "";
  const query = listQueryString(new URLSearchParams({ after, limit: String(limit) }), KEYS);
  const { data, error, isFetching, isPlaceholderData } = useQuery({
    queryKey: [...queryKeys.limitChanges, query],
    queryFn: ({ signal }) => fetchJson<FeedPage>(`/api/v1/limit-changes?${query}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const items = error ? [] : data?.items;
  // The feed answers with the last seq as the cursor even on a short page: a short page is the end.
  const next = data && data.items.length === limit && data.nextCursor != null && String(data.nextCursor) !== after ? String(data.nextCursor) : null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="min-h-5 text-xs text-slate-600">
          {isFetching
            ? "Loading limit changes…"
            : items
              ? `${formatInt(items.length)} change${items.length === 1 ? "" : "s"}${after ? ` after cursor ${after}` : " from the start of the feed"}`
              : ""}
        </p>
        <div className="flex items-center gap-2">
          <label htmlFor={limitId} className="text-xs font-medium whitespace-nowrap text-slate-700">
            Rows per page
          </label>
          <Select id={limitId} className="w-auto" value={limit} onChange={(e) => update({ limit: Number(e.target.value), after: null })}>
            {(LIMITS as readonly number[]).includes(limit) ? null : <option value={limit}>{limit}</option>}
            {LIMITS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
          <a href={`/api/v1/limit-changes?${query ? `${query}&` : ""}format=csv`} download="limit-changes.csv" className={buttonClasses("secondary")}>
            Export CSV (this page)
          </a>
        </div>
      </div>
      {error ? <ApiErrorNotice error={error} fallback="Could not load the limit-change feed." returnTo="/limit-changes" /> : null}
      <TableShell label="Limit changes table" className={cn("rounded-lg border border-slate-200 bg-white shadow-xs", isPlaceholderData && "opacity-60")}>
        <Table aria-label="Limit changes" aria-busy={isPlaceholderData || !items}>
          <thead>
            <tr>
              <Th numeric>Seq</Th>
              <Th>Borrower</Th>
              <Th numeric>Limit (old → new)</Th>
              <Th>Status</Th>
              <Th>Effective</Th>
              <Th>Applied</Th>
              <Th>Approvers</Th>
              <Th>From</Th>
              <Th>Recorded</Th>
            </tr>
          </thead>
          <tbody>
            {(items ?? []).map((c) => (
              <tr key={c.id} className="align-top hover:bg-slate-50">
                <RowTh className="text-right font-mono text-xs">{c.seq}</RowTh>
                <Td>
                  <Link href={`/borrowers/${c.borrowerId}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {c.borrowerId}
                  </Link>
                </Td>
                <Td numeric>
                  <LimitChangeCell oldLimit={c.oldLimit} newLimit={c.newLimit} />
                </Td>
                <Td>
                  <LimitChangeStatusBadge status={c.status} effectiveDate={c.effectiveDate} />
                </Td>
                <Td className="text-xs">{formatDate(c.effectiveDate)}</Td>
                <Td className="text-xs">{formatDateTime(c.appliedAt)}</Td>
                <Td className="text-xs text-slate-700">{c.approvers.length ? c.approvers.join(", ") : "—"}</Td>
                <Td className="text-xs text-slate-700">{c.appealId ? "Appeal reversal" : c.adjustmentId ? "Approved adjustment" : "—"}</Td>
                <Td className="text-xs text-slate-700">{formatDateTime(c.createdAt)}</Td>
              </tr>
            ))}
            {items && items.length === 0 ? (
              <tr>
                <td colSpan={9} className="px-3 py-8 text-center text-sm text-slate-600">
                  {error ? "No rows to show: see the message above." : after ? "No more limit changes after this cursor." : "No limit changes yet."}
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </TableShell>
      <nav aria-label="Feed pages" className="flex flex-wrap items-center justify-end gap-2">
        <Button onClick={() => update({ after: null })} disabled={!after}>
          First page
        </Button>
        <Button variant="primary" onClick={() => next && update({ after: next })} disabled={!next}>
          Next page
        </Button>
      </nav>
    </div>
  );
}
