import { TIER_BADGE_CLASS, TIER_LABEL } from "@/features/policy/tier-display";
import { cn } from "@/components/cn";
import { formatMonth } from "@/lib/format";
import type { BorrowerDetail } from "../schema";

/** One chip per month, coloured and worded by tier (colour is never the only cue). */
export function TierTimeline({ history }: { history: BorrowerDetail["history"] }) {
  return (
    <ol className="flex flex-wrap gap-2" aria-label="Tier by month">
      {history.map((h) => (
        <li
          key={h.month}
          className={cn(
            "min-w-28 rounded-md px-3 py-2 text-xs ring-1 ring-inset",
            h.tier ? TIER_BADGE_CLASS[h.tier] : "border border-dashed border-slate-300 bg-white text-slate-600 ring-transparent",
          )}
        >
          <span className="block font-semibold">{formatMonth(h.month)}</span>
          <span className="block">{h.tier ? TIER_LABEL[h.tier] : "Not scored"}</span>
        </li>
      ))}
    </ol>
  );
}
