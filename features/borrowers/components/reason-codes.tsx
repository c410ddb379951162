import { formatInt } from "@/lib/format";
import type { ReasonCode } from "../schema";

/** Why the score is not higher: every stored reason code (all losses, biggest first), in words. */
export function ReasonCodes({ codes }: { codes: ReasonCode[] }) {
  if (codes.length === 0) {
    return <p className="text-sm text-slate-700">No reason codes: the borrower scored the maximum points on every characteristic.</p>;
  }
  const total = codes.reduce((s, c) => s + c.pointsLost, 0);
  return (
    <>
      <p className="text-xs text-slate-600">
        All {codes.length} characteristic{codes.length === 1 ? "" : "s"} that cost points, largest first: {formatInt(total)} points below the
        best score.
      </p>
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
    </>
  );
}
