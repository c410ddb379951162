"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartLegend } from "@/components/chart-legend";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, BAD_COLOR, GOOD_COLOR, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import type { KsPoint } from "@/features/scoring/model-types";
import { formatMetric, formatPct } from "@/lib/format";

const pctTick = (v: number) => `${Math.round(v * 100)}%`;

/** Cumulative share of bads and goods at or below each score; KS = the widest gap between them. */
export function KsChart({ curve }: { curve: KsPoint[] }) {
  const max = curve.reduce((best, p) => (p.cumBad - p.cumGood > best.cumBad - best.cumGood ? p : best), curve[0]);
  const ks = max ? max.cumBad - max.cumGood : 0;
  // Round-number ticks (every 50 points) instead of the curve's own odd scores.
  const first = Math.ceil((curve[0]?.score ?? 350) / 50) * 50;
  const ticks = Array.from({ length: Math.max(0, Math.floor(((curve.at(-1)?.score ?? first) - first) / 50) + 1) }, (_, i) => first + i * 50);
  const rows = curve.filter((_, i) => i % 10 === 0 || i === curve.length - 1).map((p) => [p.score, formatPct(p.cumBad), formatPct(p.cumGood)]);
  return (
    <ChartFigure
      summary={`KS chart on the holdout sample: the largest gap, ${formatMetric(ks)}, is at score ${max?.score ?? "—"}, where ${formatPct(max?.cumBad ?? 0)} of bads and ${formatPct(max?.cumGood ?? 0)} of goods score at or below it.`}
      table={<DataTable caption="Cumulative share of bads and goods by score" columns={["Score at or below", "Bads", "Goods"]} rows={rows} />}
    >
      {/* The KS figure sits above the plot: drawn beside the gap it lay under the bads' curve. */}
      {max ? (
        <p className="mb-1 flex items-center gap-2 text-xs text-slate-700">
          <span className="inline-block h-3 w-0.5 bg-slate-900" />
          <span>
            <span className="font-semibold text-slate-900">KS {formatMetric(ks)}</span> at score {max.score}: the widest gap between the curves
          </span>
        </p>
      ) : null}
      <DeferredChart height={280}>
        {(width, { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis }) => (
          <LineChart width={width} height={280} data={curve} margin={{ right: 16, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke={GRID_STROKE} />
            <XAxis interval={0} type="number" dataKey="score" domain={["dataMin", "dataMax"]} ticks={ticks} tick={AXIS_TICK} axisLine={AXIS_LINE} />
            <YAxis interval={0} domain={[0, 1]} tickCount={6} tickFormatter={pctTick} tick={AXIS_TICK} axisLine={AXIS_LINE} width={48} />
            <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(v) => `Score ≤ ${v}`} formatter={(v) => formatPct(Number(v))} />
            {max ? (
              <ReferenceLine segment={[{ x: max.score, y: max.cumGood }, { x: max.score, y: max.cumBad }]} stroke="#0f172a" strokeWidth={2} />
            ) : null}
            <Line dataKey="cumBad" name="Bads (defaulted)" stroke={BAD_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line dataKey="cumGood" name="Goods" stroke={GOOD_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        )}
      </DeferredChart>
      <ChartLegend items={[{ label: "Bads (defaulted)", color: BAD_COLOR, shape: "line" }, { label: "Goods", color: GOOD_COLOR, shape: "line" }]} />
    </ChartFigure>
  );
}
