"use client";

import { Button } from "@/components/button";
import { Select } from "@/components/field";
import { formatInt } from "@/lib/format";
import { PAGE_SIZES } from "../list-params";

type Props = {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number | undefined;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
};

export function Pagination({ page, pageCount, pageSize, total, onPage, onPageSize }: Props) {
  const sizes = (PAGE_SIZES as readonly number[]).includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p className="tabular-nums">{total == null ? "Counting…" : `${formatInt(total)} borrower${total === 1 ? "" : "s"}`}</p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <label htmlFor="page-size" className="text-xs font-medium whitespace-nowrap text-slate-700">
            Rows per page
          </label>
          <Select id="page-size" className="w-auto" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {sizes.map((s) => (
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
          Page {formatInt(page)} of {formatInt(Math.max(pageCount, 1))}
        </span>
        <Button onClick={() => onPage(page + 1)} disabled={page >= pageCount}>
          Next
        </Button>
      </div>
    </nav>
  );
}
