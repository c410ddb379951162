// Table primitives: dense rows, tabular numbers, sticky header. Cells are plain elements so the
// same styling works in server tables and in the react-table borrower list.
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/**
 * Horizontal scroll wrapper. It is focusable and named because a scrollable region must be
 * reachable by keyboard (axe: scrollable-region-focusable).
 */
export function TableShell({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  // `relative`: screen-reader-only spans (position: absolute) in cells then scroll with the table instead
  // of widening the page (the inbox was 1,080 px wide at 390 px).
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn("relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-700", className)}>
      {children}
    </div>
  );
}

export function Table({ className, ...rest }: ComponentProps<"table">) {
  return <table className={cn("w-full border-collapse text-sm tabular-nums", className)} {...rest} />;
}

export function Th({ className, numeric, scope = "col", ...rest }: ComponentProps<"th"> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={cn(
        "border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold text-slate-700 whitespace-nowrap",
        numeric ? "text-right" : "text-left",
        className,
      )}
      {...rest}
    />
  );
}

export function Td({ className, numeric, ...rest }: ComponentProps<"td"> & { numeric?: boolean }) {
  return (
    <td
      className={cn("border-b border-slate-100 px-3 py-1.5 whitespace-nowrap text-slate-800", numeric && "text-right", className)}
      {...rest}
    />
  );
}

/** A row header cell (first column naming the row). */
export function RowTh({ className, ...rest }: ComponentProps<"th">) {
  return (
    <th scope="row" className={cn("border-b border-slate-100 px-3 py-1.5 text-left font-medium whitespace-nowrap text-slate-900", className)} {...rest} />
  );
}
