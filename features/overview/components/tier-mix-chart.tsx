import { ChartFigure, DataTable } from "@/components/chart-figure";
import { TIER_COLOR, TIER_LABEL, TIER_ORDER } from "@/features/policy/tier-display";
import type { Tier } from "@/features/policy/schema";
import { formatInt, formatPct } from "@/lib/format";

/**
 * Borrowers per tier as three proportional bars in plain HTML, rendered with the page: three
 * numbers need no charting library, and the overview then draws two recharts charts, not three,
 * while it loads (issue 11 §7: Lighthouse total blocking time).
 */
export function TierMixChart({ mix }: { mix: Record<Tier, number> }) {
  const total = TIER_ORDER.reduce((s, t) => s + mix[t], 0) || 1;
  const largest = Math.max(1, ...TIER_ORDER.map((t) => mix[t]));
  const data = TIER_ORDER.map((t) => ({ tier: t, name: TIER_LABEL[t], count: mix[t], share: mix[t] / total }));
  const summary = `Tier mix: ${data.map((d) => `${d.name} ${formatInt(d.count)} (${formatPct(d.share)})`).join(", ")}.`;
  return (
    <ChartFigure
      summary={summary}
      table={<DataTable caption="Borrowers by risk tier" columns={["Tier", "Borrowers", "Share"]} rows={data.map((d) => [d.name, formatInt(d.count), formatPct(d.share)])} />}
    >
      <ul className="flex h-[220px] flex-col justify-center gap-6 pr-2 text-xs" data-chart="tier-mix">
        {data.map((d) => (
          <li key={d.tier} className="grid grid-cols-[6rem_1fr] items-center gap-3">
            <span className="text-right text-slate-600">{d.name}</span>
            <span className="flex min-w-0 items-center gap-2">
              {/* The longest bar leaves room for its label; the others are to scale. */}
              <span className="h-8 shrink-0 rounded-sm" style={{ width: `${(d.count / largest) * 70}%`, backgroundColor: TIER_COLOR[d.tier] }} />
              <span className="whitespace-nowrap text-slate-700 tabular-nums">
                {formatInt(d.count)} · {formatPct(d.share)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
