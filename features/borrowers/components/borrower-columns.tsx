import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { TierBadge } from "@/components/tier-badge";
import { formatInt, formatNtd, formatPct, formatPd } from "@/lib/format";
import type { BorrowerListItem, SortField } from "../schema";

const col = createColumnHelper<BorrowerListItem>();

/** Column meta: `sort` = the API sort field (absent = not sortable); `numeric` right-aligns. */
export type ColumnMeta = { sort?: SortField; numeric?: boolean };

export const borrowerColumns = [
  col.accessor("id", {
    header: "ID",
    meta: { sort: "id" } satisfies ColumnMeta,
    cell: (c) => (
      <Link href={`/borrowers/${c.getValue()}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("score", { header: "Score", meta: { sort: "score", numeric: true } satisfies ColumnMeta, cell: (c) => formatInt(c.getValue()) }),
  col.accessor("pd", { header: "PD (%)", meta: { sort: "pd", numeric: true } satisfies ColumnMeta, cell: (c) => formatPd(c.getValue()) }),
  col.accessor("tier", { header: "Tier", meta: { sort: "tier" } satisfies ColumnMeta, cell: (c) => <TierBadge tier={c.getValue()} /> }),
  col.accessor("previousTier", { header: "Previous tier", meta: {} satisfies ColumnMeta, cell: (c) => <TierBadge tier={c.getValue()} /> }),
  col.accessor("limit", { header: "Limit (NT$)", meta: { sort: "limit", numeric: true } satisfies ColumnMeta, cell: (c) => formatNtd(c.getValue()) }),
  col.accessor("balance", { header: "Balance (NT$)", meta: { sort: "balance", numeric: true } satisfies ColumnMeta, cell: (c) => formatNtd(c.getValue()) }),
  col.accessor("utilization", {
    header: "Utilisation (%)",
    meta: { sort: "utilization", numeric: true } satisfies ColumnMeta,
    cell: (c) => formatPct(c.getValue()),
  }),
];
