"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartLegend } from "@/components/chart-legend";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, BAD_COLOR, GOOD_COLOR, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import { formatInt, formatPct } from "@/lib/format";
import type { Overview } from "../data";

export function ScoreHistogramChart({ buckets }: { buckets: Overview["histogram"] }) {
  const data = buckets.map((b) => ({ ...b, label: `${b.from}–${b.to - 1}` }));
  const rows = data.map((b) => [b.label, formatInt(b.good), formatInt(b.bad), formatPct(b.bad / (b.good + b.bad || 1))]);
  return (
    <ChartFigure
      summary="Score distribution in 25-point buckets, split by whether the borrower defaulted in October 2005."
      table={<DataTable caption="Borrowers per score bucket" columns={["Score", "Did not default", "Defaulted", "Default rate"]} rows={rows} />}
    >
      <DeferredChart height={260}>
        {(width, { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis }) => (
          <BarChart width={width} height={260} data={data} margin={{ top: 10, right: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis dataKey="from" tick={AXIS_TICK} axisLine={AXIS_LINE} interval={1} />
            <YAxis interval={0} tick={AXIS_TICK} axisLine={AXIS_LINE} tickFormatter={formatInt} width={56} />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(_, payload) => `Score ${payload?.[0]?.payload?.label ?? ""}`}
              formatter={(v) => formatInt(Number(v))}
              cursor={{ fill: "#f1f5f9" }}
            />
            <Bar dataKey="good" name="Did not default" stackId="n" fill={GOOD_COLOR} isAnimationActive={false} />
            <Bar dataKey="bad" name="Defaulted" stackId="n" fill={BAD_COLOR} isAnimationActive={false} />
          </BarChart>
        )}
      </DeferredChart>
      <ChartLegend items={[{ label: "Did not default", color: GOOD_COLOR }, { label: "Defaulted", color: BAD_COLOR }]} />
    </ChartFigure>
  );
}
