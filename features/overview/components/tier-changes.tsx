import Link from "next/link";
import { formatInt, formatMonthLong } from "@/lib/format";

type Props = { up: number; down: number; month: string | null; upScore?: number; upPolicy?: number; downScore?: number; downPolicy?: number };

/** "1,239 score moved · 1,102 policy changed", when the summary has the split. */
function Causes({ score, policy }: { score?: number; policy?: number }) {
  if (score == null || policy == null) return null;
  return (
    <span className="mt-1 block text-xs">
      {formatInt(score)} score moved · {formatInt(policy)} policy changed
    </span>
  );
}

const linkClass =
  "block rounded-md border px-4 py-3 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700";

/** Tier moves in the latest month; each count opens the borrower list filtered to those moves. */
export function TierChanges({ up, down, month, upScore, upPolicy, downScore, downPolicy }: Props) {
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600">Each borrower&apos;s last tier change up to {month ? formatMonthLong(month) : "the latest month"}: the score moved (monthly scoring) or the policy changed (a new version&apos;s cut-offs).</p>
      <ul className="grid gap-3 sm:grid-cols-2">
        <li>
          <Link href="/borrowers?changed=up" className={`${linkClass} border-red-200 bg-red-50`}>
            <span className="block text-xs font-medium text-red-900">Moved to a riskier tier</span>
            <span className="mt-1 block text-2xl font-semibold text-red-900 tabular-nums">
              <span aria-hidden="true">↑ </span>
              {formatInt(up)}
            </span>
            <Causes score={upScore} policy={upPolicy} />
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
            <Causes score={downScore} policy={downPolicy} />
            <span className="mt-1 block text-xs text-green-900 underline">View these borrowers</span>
          </Link>
        </li>
      </ul>
    </div>
  );
}
