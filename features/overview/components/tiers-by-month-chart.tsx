"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, LEGEND_PROPS, TOOLTIP_STYLE } from "@/components/chart-theme";
import { TIER_COLOR, TIER_LABEL, TIER_ORDER } from "@/features/policy/tier-display";
import { formatInt, formatMonth } from "@/lib/format";
import type { Overview } from "../data";

export function TiersByMonthChart({ months }: { months: Overview["tiersByMonth"] }) {
  const data = months.map((m) => ({ ...m, label: formatMonth(m.month) }));
  const rows = data.map((m) => [m.label, ...TIER_ORDER.map((t) => formatInt(m[t]))]);
  return (
    <ChartFigure
      summary="Borrowers per risk tier in each scored month."
      table={<DataTable caption="Borrowers per tier by month" columns={["Month", ...TIER_ORDER.map((t) => TIER_LABEL[t])]} rows={rows} />}
    >
      <DeferredChart height={260}>
        {(width, { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis }) => (
          <BarChart width={width} height={260} data={data} margin={{ top: 10, right: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis interval={0} dataKey="label" tick={AXIS_TICK} axisLine={AXIS_LINE} />
            <YAxis interval={0} tick={AXIS_TICK} axisLine={AXIS_LINE} tickFormatter={formatInt} width={56} />
            <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => formatInt(Number(v))} cursor={{ fill: "#f1f5f9" }} />
            <Legend {...LEGEND_PROPS} />
            {TIER_ORDER.map((t) => (
              <Bar key={t} dataKey={t} name={TIER_LABEL[t]} stackId="tiers" fill={TIER_COLOR[t]} isAnimationActive={false} maxBarSize={72} />
            ))}
          </BarChart>
        )}
      </DeferredChart>
    </ChartFigure>
  );
}
