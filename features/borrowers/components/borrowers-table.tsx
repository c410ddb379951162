"use client";

import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { Table, TableShell, Td, Th } from "@/components/table";
import { cn } from "@/components/cn";
import type { BorrowerListItem, SortField } from "../schema";
import { borrowerColumns, type ColumnMeta } from "./borrower-columns";

type Props = {
  items: BorrowerListItem[] | undefined;
  sort: SortField;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
  pageCount: number;
  /** True while a newer page is loading and the rows shown are the previous ones. */
  stale: boolean;
  /** The list query whose rows are on screen ("" while loading): lets tests wait for the right rows. */
  shownQuery: string;
  /** Shown in the body when there are no rows. */
  emptyText: string;
  onSort: (field: SortField) => void;
};

const ARROW = { asc: "▲", desc: "▼" } as const;

export function BorrowersTable({ items, sort, order, page, pageSize, pageCount, stale, shownQuery, emptyText, onSort }: Props) {
  // Sorting and paging happen in the API (manual*); react-table only models columns and rows.
  // The React Compiler is not enabled, so react-table's unmemoizable API costs nothing here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: items ?? [],
    columns: borrowerColumns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    pageCount,
    state: { sorting: [{ id: sort, desc: order === "desc" }], pagination: { pageIndex: page - 1, pageSize } },
  });

  return (
    <TableShell label="Borrowers table" className="rounded-lg border border-slate-200 bg-white">
      <Table aria-label="Borrowers" aria-busy={stale || !items} data-query={shownQuery} className={cn("transition-opacity", stale && "opacity-60")}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = (header.column.columnDef.meta ?? {}) as ColumnMeta;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const active = meta.sort != null && meta.sort === sort;
                return (
                  <Th key={header.id} numeric={meta.numeric} aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}>
                    {meta.sort ? (
                      <button
                        type="button"
                        onClick={() => onSort(meta.sort!)}
                        className={cn(
                          "inline-flex items-center gap-1 rounded font-semibold hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-blue-700",
                          meta.numeric && "flex-row-reverse",
                        )}
                      >
                        {label}
                        <span aria-hidden="true" className={cn("text-[10px]", active ? "text-slate-900" : "text-slate-400")}>
                          {active ? ARROW[order] : "↕"}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </Th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {items
            ? table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  {row.getVisibleCells().map((cell) => (
                    <Td key={cell.id} numeric={((cell.column.columnDef.meta ?? {}) as ColumnMeta).numeric}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Td>
                  ))}
                </tr>
              ))
            : Array.from({ length: pageSize }, (_, i) => <SkeletonRow key={i} columns={borrowerColumns.length} />)}
          {items && items.length === 0 ? (
            <tr>
              <td colSpan={borrowerColumns.length} className="px-3 py-8 text-center text-sm text-slate-600">
                {emptyText}
              </td>
            </tr>
          ) : null}
        </tbody>
      </Table>
    </TableShell>
  );
}

function SkeletonRow({ columns }: { columns: number }) {
  return (
    <tr aria-hidden="true">
      {Array.from({ length: columns }, (_, i) => (
        <td key={i} className="border-b border-slate-100 px-3 py-1.5">
          <span className="block h-5 animate-pulse rounded bg-slate-100" />
        </td>
      ))}
    </tr>
  );
}
