import Link from "next/link";
import { formatInt, formatMonthLong } from "@/lib/format";

type Props = { up: number; down: number; month: string | null };

const linkClass =
  "block rounded-md border px-4 py-3 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700";

/** Tier moves in the latest month; each count opens the borrower list filtered to those moves. */
export function TierChanges({ up, down, month }: Props) {
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600">Compared with the month before {month ? formatMonthLong(month) : "the latest month"}.</p>
      <ul className="grid gap-3 sm:grid-cols-2">
        <li>
          <Link href="/borrowers?changed=up" className={`${linkClass} border-red-200 bg-red-50`}>
            <span className="block text-xs font-medium text-red-900">Moved to a riskier tier</span>
            <span className="mt-1 block text-2xl font-semibold text-red-900 tabular-nums">
              <span aria-hidden="true">↑ </span>
              {formatInt(up)}
            </span>
            <span className="mt-1 block text-xs text-red-900 underline">View these borrowers</span>
          </Link>
        </li>
        <li>
          <Link href="/borrowers?changed=down" className={`${linkClass} border-green-200 bg-green-50`}>
            <span className="block text-xs font-medium text-green-900">Moved to a safer tier</span>
            <span className="mt-1 block text-2xl font-semibold text-green-900 tabular-nums">
              <span aria-hidden="true">↓ </span>
              {formatInt(down)}
            </span>
            <span className="mt-1 block text-xs text-green-900 underline">View these borrowers</span>
          </Link>
        </li>
      </ul>
    </div>
  );
}
