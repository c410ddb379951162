"use client";

import { useCallback, useId, useMemo, useState } from "react";
import { Button } from "@/components/button";
import { Select } from "@/components/field";
import { formatInt } from "@/lib/format";

/** "1,234 borrowers" or, past the exact-count threshold, "≈ 1,200,000 borrowers". */
export function formatTotal(total: number, isEstimate: boolean | undefined, noun: string) {
  return `${isEstimate ? "≈ " : ""}${formatInt(total)} ${noun}${total === 1 && !isEstimate ? "" : "s"}`;
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

type Props = {
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
export function CursorPager({ total, totalIsEstimate, noun, pageSize, sizes, pageNumber, hasPrevious, nextCursor, onNext, onPrevious, onPageSize }: Props) {
  const sizeId = useId();
  const options = sizes.includes(pageSize) ? sizes : [...sizes, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p className="tabular-nums" title={totalIsEstimate ? "Estimated: more than 10,000 rows match, so the database's estimate is shown" : undefined}>
        {total == null ? "Counting…" : formatTotal(total, totalIsEstimate, noun)}
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
          {pageNumber ? `Page ${formatInt(pageNumber)}` : "Later page"}
        </span>
        <Button onClick={() => nextCursor && onNext(nextCursor)} disabled={!nextCursor}>
          Next
        </Button>
      </div>
    </nav>
  );
}
