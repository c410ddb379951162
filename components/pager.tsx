"use client";

import { useCallback, useId, useMemo, useState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { Select } from "@/components/field";
import { formatInt } from "@/lib/format";

/** "1,234 borrowers" or, past the exact-count threshold, "≈ 1,200,000 borrowers". */
export function formatTotal(total: number, isEstimate: boolean | undefined, noun: string) {
  return `${isEstimate ? "≈ " : ""}${formatInt(total)} ${noun}${total === 1 && !isEstimate ? "" : "s"}`;
}

type NavProps = {
  summary: ReactNode;
  summaryTitle?: string;
  pageLabel: string;
  pageSize: number;
  sizes: readonly number[];
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
};

/** The one pagination bar: count, rows per page, Previous / page / Next (every list has the same look). */
function PagerNav({ summary, summaryTitle, pageLabel, pageSize, sizes, hasPrevious, hasNext, onPrevious, onNext, onPageSize }: NavProps) {
  const sizeId = useId();
  const options = sizes.includes(pageSize) ? sizes : [...sizes, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p className="tabular-nums" title={summaryTitle}>
        {summary}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId} className="text-xs font-medium whitespace-nowrap text-slate-700">
            Rows per page
          </label>
          <Select id={sizeId} className="w-auto" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {options.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </div>
        <Button onClick={onPrevious} disabled={!hasPrevious}>
          Previous
        </Button>
        <span className="tabular-nums" aria-live="polite">
          {pageLabel}
        </span>
        <Button onClick={onNext} disabled={!hasNext}>
          Next
        </Button>
      </div>
    </nav>
  );
}

type PagerProps = {
  page: number;
  pageSize: number;
  total: number | undefined;
  /** The total is the database's estimate (past the count cap): shown as "≈", the page count as "about". */
  totalIsEstimate?: boolean;
  /** The page failed to load: no count and no "Page 3 of 1", only a way back. */
  failed?: boolean;
  /** "adjustment" → "1,234 adjustments". */
  noun: string;
  sizes: readonly number[];
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
};

/** Page-numbered paging (the inbox). */
export function Pager({ page, pageSize, total, totalIsEstimate, failed, noun, sizes, onPage, onPageSize }: PagerProps) {
  const pageCount = total == null ? page : Math.max(1, Math.ceil(total / pageSize));
  return (
    <PagerNav
      summary={failed ? "Not loaded" : total == null ? "Counting…" : formatTotal(total, totalIsEstimate, noun)}
      summaryTitle={totalIsEstimate ? "Estimated: more rows match than are counted exactly, so the database's estimate is shown" : undefined}
      pageLabel={failed ? `Page ${formatInt(page)}` : `Page ${formatInt(page)} of ${totalIsEstimate ? "≈ " : ""}${formatInt(pageCount)}`}
      pageSize={pageSize}
      sizes={sizes}
      hasPrevious={page > 1}
      hasNext={!failed && page < pageCount}
      onPrevious={() => onPage(page - 1)}
      onNext={() => onPage(page + 1)}
      onPageSize={onPageSize}
    />
  );
}

/**
 * Previous/Next over keyset cursors. The current cursor lives in the URL (`cursor`); the cursors of
 * the pages before it are a small in-memory stack, reset whenever the list itself (`listKey`:
 * filters, sort, page size) changes. After a reload the stack is empty: Previous goes to the first page.
 */
export function useCursorStack(listKey: string, cursor: string | null, go: (cursor: string | null) => void) {
  const [state, setState] = useState<{ key: string; stack: string[] }>({ key: listKey, stack: [] });
  const stack = useMemo(() => (state.key === listKey ? state.stack : []), [state, listKey]);
  const next = useCallback(
    (nextCursor: string) => {
      setState({ key: listKey, stack: [...stack, cursor ?? ""].slice(-50) });
      go(nextCursor);
    },
    [listKey, stack, cursor, go],
  );
  const previous = useCallback(() => {
    const back = stack.slice(0, -1);
    setState({ key: listKey, stack: back });
    go(stack.length ? stack[stack.length - 1] || null : null);
  }, [listKey, stack, go]);
  // Page number shown: exact while the stack reaches back to the first page.
  const pageNumber = cursor ? (stack.length ? stack.length + 1 : null) : 1;
  return { next, previous, pageNumber };
}

type CursorPagerProps = {
  total: number | undefined;
  totalIsEstimate?: boolean;
  noun: string;
  pageSize: number;
  sizes: readonly number[];
  pageNumber: number | null;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
  onPageSize: (size: number) => void;
};

/** "Previous" / "Next" paging for keyset lists (borrowers, audit log). */
export function CursorPager({ total, totalIsEstimate, noun, pageSize, sizes, pageNumber, hasPrevious, nextCursor, onNext, onPrevious, onPageSize }: CursorPagerProps) {
  return (
    <PagerNav
      summary={total == null ? "Counting…" : formatTotal(total, totalIsEstimate, noun)}
      summaryTitle={totalIsEstimate ? "Estimated: more than 10,000 rows match, so the database's estimate is shown" : undefined}
      pageLabel={pageNumber ? `Page ${formatInt(pageNumber)}` : "Later page"}
      pageSize={pageSize}
      sizes={sizes}
      hasPrevious={hasPrevious}
      hasNext={!!nextCursor}
      onPrevious={onPrevious}
      onNext={() => nextCursor && onNext(nextCursor)}
      onPageSize={onPageSize}
    />
  );
}
