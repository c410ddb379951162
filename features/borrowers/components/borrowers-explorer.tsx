"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect } from "react";
import { buttonClasses } from "@/components/button";
import type { SortField } from "../schema";
import { csvExportHref, FILTER_KEYS, filterQueryString, LAST_LIST_QUERY_KEY, listQueryString, PAGE_SIZES, readView, type FilterKey } from "../list-params";
import { useBorrowerList, type InitialBorrowerPage } from "./use-borrower-list";
import { BorrowerFilters } from "./borrower-filters";
import { BorrowersTable } from "./borrowers-table";
import { CursorPager, formatTotal, useCursorStack } from "@/components/pager";
import { ApiErrorNotice } from "@/components/api-error-notice";

/** Borrowers list: URL state → API query → table. Every control writes to the URL only (replace, not push). */
export function BorrowersExplorer({ initial, canExport }: { initial: InitialBorrowerPage; canExport: boolean }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = listQueryString(searchParams);
  const view = readView(searchParams);
  const { data, error, isFetching, isPlaceholderData } = useBorrowerList(query, initial);

  // Remember this list so the borrower page can link back to it with the same filters.
  useEffect(() => {
    sessionStorage.setItem(LAST_LIST_QUERY_KEY, query);
  }, [query]);

  const update = useCallback(
    (patch: Record<string, string | number | null>) => {
      const next = new URLSearchParams(searchParams);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      const qs = listQueryString(next);
      // Native replaceState is synced into useSearchParams by Next without re-rendering the server
      // page: the list refetches from the API only (router.replace would also re-run the page).
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname, searchParams],
  );

  const onApply = (filters: Record<FilterKey, string>) => update({ ...filters, page: null, cursor: null });
  const onSort = (field: SortField) =>
    update({ sort: field, order: field === view.sort && view.order === "asc" ? "desc" : "asc", page: null, cursor: null });
  const go = useCallback((cursor: string | null) => update({ cursor, page: null }), [update]);
  const listKey = listQueryString(searchParams, [...FILTER_KEYS, "sort", "order", "pageSize"]);
  const pager = useCursorStack(listKey, view.cursor, go);
  // Page number for the table's state; "page" (old links) still counts for shallow pages.
  const pageNumber = view.cursor ? (pager.pageNumber ?? 1) : view.page;
  const pageCount = data ? Math.max(pageNumber, Math.ceil(data.total / view.pageSize)) : pageNumber;

  return (
    <div className="space-y-3">
      {/* Keyed by the filters: back/forward or a cleared filter re-seeds the form from the URL. */}
      <BorrowerFilters key={filterQueryString(searchParams)} params={searchParams} onApply={onApply} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="min-h-5 text-xs text-slate-600">
          {isFetching ? "Loading borrowers…" : data ? `Showing ${data.items.length} of ${formatTotal(data.total, data.totalIsEstimate, "borrower")}${searchParams.get("month") && data.month ? ` (scores of ${data.month})` : ""}` : ""}
        </p>
        {canExport ? (
          <a href={csvExportHref(searchParams)} download="borrowers.csv" className={buttonClasses("secondary")}>
            Export CSV
          </a>
        ) : null}
      </div>
      {error ? <ApiErrorNotice error={error} fallback="Could not load borrowers. Check your connection and try again." returnTo="/borrowers" /> : null}
      <BorrowersTable
        items={error ? [] : data?.items}
        sort={view.sort}
        order={view.order}
        page={pageNumber}
        pageSize={view.pageSize}
        pageCount={pageCount}
        stale={isPlaceholderData}
        shownQuery={isPlaceholderData || !data ? "" : query}
        emptyText={error ? "No rows to show: see the message above." : "No borrowers match these filters."}
        onSort={onSort}
      />
      <CursorPager
        pageSize={view.pageSize}
        noun="borrower"
        sizes={PAGE_SIZES}
        total={error ? 0 : data?.total}
        totalIsEstimate={data?.totalIsEstimate}
        pageNumber={view.cursor ? pager.pageNumber : view.page}
        hasPrevious={Boolean(view.cursor) || view.page > 1}
        nextCursor={isPlaceholderData || error ? null : data?.nextCursor}
        onNext={pager.next}
        onPrevious={() => (view.cursor ? pager.previous() : update({ page: null }))}
        onPageSize={(size) => update({ pageSize: size, page: null, cursor: null })}
      />
    </div>
  );
}
