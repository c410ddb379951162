"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
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
      <BarChart responsive width="100%" height={260} data={data} margin={{ right: 8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} axisLine={AXIS_LINE} />
        <YAxis tick={AXIS_TICK} axisLine={AXIS_LINE} tickFormatter={formatInt} width={56} />
        <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => formatInt(Number(v))} cursor={{ fill: "#f1f5f9" }} />
        <Legend {...LEGEND_PROPS} />
        {TIER_ORDER.map((t) => (
          <Bar key={t} dataKey={t} name={TIER_LABEL[t]} stackId="tiers" fill={TIER_COLOR[t]} isAnimationActive={false} maxBarSize={72} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
