import { formatInt } from "@/lib/format";
import type { ReasonCode } from "../schema";

/** Why the score is not higher: stored reason codes, biggest loss first, in words. */
export function ReasonCodes({ codes }: { codes: ReasonCode[] }) {
  if (codes.length === 0) {
    return <p className="text-sm text-slate-700">No reason codes: the borrower scored the maximum points on every characteristic.</p>;
  }
  return (
    <ol className="divide-y divide-slate-100" aria-label="Reason codes">
      {codes.map((c) => (
        <li key={c.code} className="flex items-baseline justify-between gap-4 py-2 text-sm">
          <span className="text-slate-900">
            {c.text} <span className="font-mono text-xs text-slate-600">({c.code})</span>
          </span>
          <span className="shrink-0 font-medium text-red-800 tabular-nums">−{formatInt(c.pointsLost)} points</span>
        </li>
      ))}
    </ol>
  );
}
