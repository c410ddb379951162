"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect } from "react";
import { buttonClasses } from "@/components/button";
import type { SortField } from "../schema";
import { csvExportHref, filterQueryString, LAST_LIST_QUERY_KEY, listQueryString, PAGE_SIZES, readView, type FilterKey } from "../list-params";
import { useBorrowerList, type InitialBorrowerPage } from "./use-borrower-list";
import { BorrowerFilters } from "./borrower-filters";
import { BorrowersTable } from "./borrowers-table";
import { Pager } from "@/components/pager";
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

  const onApply = (filters: Record<FilterKey, string>) => update({ ...filters, page: null });
  const onSort = (field: SortField) =>
    update({ sort: field, order: field === view.sort && view.order === "asc" ? "desc" : "asc", page: null });
  const pageCount = data ? Math.max(1, Math.ceil(data.total / view.pageSize)) : view.page;

  return (
    <div className="space-y-3">
      {/* Keyed by the filters: back/forward or a cleared filter re-seeds the form from the URL. */}
      <BorrowerFilters key={filterQueryString(searchParams)} params={searchParams} onApply={onApply} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="min-h-5 text-xs text-slate-600">
          {isFetching ? "Loading borrowers…" : data ? `Showing ${data.items.length} of ${data.total.toLocaleString("en-US")}` : ""}
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
        page={view.page}
        pageSize={view.pageSize}
        pageCount={pageCount}
        stale={isPlaceholderData}
        shownQuery={isPlaceholderData || !data ? "" : query}
        emptyText={error ? "No rows to show: see the message above." : "No borrowers match these filters."}
        onSort={onSort}
      />
      <Pager
        page={view.page}
        pageSize={view.pageSize}
        noun="borrower"
        sizes={PAGE_SIZES}
        total={error ? 0 : data?.total}
        onPage={(page) => update({ page: page > 1 ? page : null })}
        onPageSize={(size) => update({ pageSize: size, page: null })}
      />
    </div>
  );
}
