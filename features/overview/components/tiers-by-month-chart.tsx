import { ChartLegend } from "@/components/chart-legend";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { TIER_COLOR, TIER_LABEL, TIER_ORDER } from "@/features/policy/tier-display";
import { formatInt, formatMonth, formatPct } from "@/lib/format";
import type { Overview } from "../data";

/**
 * Each scored month's tiers as a stacked column of shares, in plain HTML rendered with the page
 * (like the tier mix beside it): four columns of three parts need no charting library, and the
 * overview loads with one recharts chart to draw, not three (issue 11 §7). Exact counts are in the
 * figure's table and in each part's title.
 */
export function TiersByMonthChart({ months }: { months: Overview["tiersByMonth"] }) {
  const data = months.map((m) => ({ ...m, label: formatMonth(m.month), total: TIER_ORDER.reduce((s, t) => s + m[t], 0) || 1 }));
  const rows = data.map((m) => [m.label, ...TIER_ORDER.map((t) => formatInt(m[t]))]);
  return (
    <ChartFigure
      summary="Borrowers per risk tier in each scored month."
      table={<DataTable caption="Borrowers per tier by month" columns={["Month", ...TIER_ORDER.map((t) => TIER_LABEL[t])]} rows={rows} />}
    >
      <div className="flex h-[236px] items-stretch justify-around gap-4 border-b border-slate-300 px-4 pt-2" data-chart="tiers-by-month">
        {data.map((m) => (
          // Safest at the bottom, as the tiers are ordered.
          <div key={m.month} className="flex w-full max-w-20 flex-col-reverse">
            {TIER_ORDER.map((t) => (
              <div key={t} title={`${TIER_LABEL[t]}, ${m.label}: ${formatInt(m[t])} (${formatPct(m[t] / m.total)})`} style={{ height: `${(m[t] / m.total) * 100}%`, backgroundColor: TIER_COLOR[t] }} />
            ))}
          </div>
        ))}
      </div>
      <div className="flex justify-around gap-4 px-4 pt-1 text-[11px] text-slate-600">
        {data.map((m) => (
          <span key={m.month} className="w-full max-w-20 text-center">
            {m.label}
          </span>
        ))}
      </div>
      <ChartLegend items={TIER_ORDER.map((t) => ({ label: TIER_LABEL[t], color: TIER_COLOR[t] }))} />
    </ChartFigure>
  );
}
