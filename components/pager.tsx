"use client";

import { useId } from "react";
import { Button } from "@/components/button";
import { Select } from "@/components/field";
import { formatInt } from "@/lib/format";

type Props = {
  page: number;
  pageSize: number;
  total: number | undefined;
  /** The page failed to load: no count and no "Page 3 of 1", only a way back. */
  failed?: boolean;
  /** "adjustment" → "1,234 adjustments". */
  noun: string;
  sizes: readonly number[];
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
};

/** Page-numbered paging for the inbox and the audit log (same look as the borrowers list). */
export function Pager({ page, pageSize, total, failed, noun, sizes, onPage, onPageSize }: Props) {
  const sizeId = useId();
  const pageCount = total == null ? page : Math.max(1, Math.ceil(total / pageSize));
  const options = sizes.includes(pageSize) ? sizes : [...sizes, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p className="tabular-nums">{failed ? "Not loaded" : total == null ? "Counting…" : `${formatInt(total)} ${noun}${total === 1 ? "" : "s"}`}</p>
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
        <Button onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous
        </Button>
        <span className="tabular-nums" aria-live="polite">
          {failed ? `Page ${formatInt(page)}` : `Page ${formatInt(page)} of ${formatInt(pageCount)}`}
        </span>
        <Button onClick={() => onPage(page + 1)} disabled={failed || page >= pageCount}>
          Next
        </Button>
      </div>
    </nav>
  );
}
