"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartLegend } from "@/components/chart-legend";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import { formatMonth, formatNtd, formatNtdCompact, formatPct } from "@/lib/format";
import type { BorrowerDetail } from "../schema";

/** Limit and balance as bars (NT$, left axis), utilisation as a line (%, right axis). */
export function LimitUtilisationChart({ history }: { history: BorrowerDetail["history"] }) {
  const data = history.map((h) => ({ label: formatMonth(h.month), limit: h.limit, balance: h.balance, utilization: h.utilization * 100 }));
  const rows = history.map((h) => [formatMonth(h.month), formatNtd(h.limit), formatNtd(h.balance), formatPct(h.utilization)]);
  const maxUtil = Math.max(100, ...data.map((d) => Math.ceil(d.utilization / 10) * 10));
  return (
    <ChartFigure
      summary="Credit limit, balance and utilisation by month, April to September 2005."
      table={<DataTable caption="Limit, balance and utilisation by month" columns={["Month", "Limit", "Balance", "Utilisation"]} rows={rows} />}
    >
      <DeferredChart height={260}>
        {(width, { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis }) => (
          <ComposedChart width={width} height={260} data={data} margin={{ right: 8, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis interval={0} dataKey="label" tick={AXIS_TICK} axisLine={AXIS_LINE} />
            <YAxis interval={0} yAxisId="ntd" tick={AXIS_TICK} axisLine={AXIS_LINE} tickFormatter={formatNtdCompact} width={64} />
            <YAxis interval={0} yAxisId="pct" orientation="right" domain={[0, maxUtil]} tick={AXIS_TICK} axisLine={AXIS_LINE} tickFormatter={(v) => `${v}%`} width={44} />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              formatter={(v, name) => (name === "Utilisation" ? formatPct(Number(v) / 100) : formatNtd(Number(v)))}
            />
            <Bar yAxisId="ntd" dataKey="limit" name="Limit" fill="#cbd5e1" isAnimationActive={false} maxBarSize={40} />
            <Bar yAxisId="ntd" dataKey="balance" name="Balance" fill="#475569" isAnimationActive={false} maxBarSize={40} />
            <Line yAxisId="pct" dataKey="utilization" name="Utilisation" stroke="#b45309" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </ComposedChart>
        )}
      </DeferredChart>
      <ChartLegend items={[{ label: "Limit", color: "#cbd5e1" }, { label: "Balance", color: "#475569" }, { label: "Utilisation", color: "#b45309", shape: "line" }]} />
    </ChartFigure>
  );
}
