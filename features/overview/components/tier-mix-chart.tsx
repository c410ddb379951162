"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import { TIER_COLOR, TIER_LABEL, TIER_ORDER } from "@/features/policy/tier-display";
import type { Tier } from "@/features/policy/schema";
import { formatInt, formatPct } from "@/lib/format";

export function TierMixChart({ mix }: { mix: Record<Tier, number> }) {
  const total = TIER_ORDER.reduce((s, t) => s + mix[t], 0) || 1;
  const data = TIER_ORDER.map((t) => ({ tier: t, name: TIER_LABEL[t], count: mix[t], share: mix[t] / total }));
  const summary = `Tier mix: ${data.map((d) => `${d.name} ${formatInt(d.count)} (${formatPct(d.share)})`).join(", ")}.`;
  return (
    <ChartFigure
      summary={summary}
      table={<DataTable caption="Borrowers by risk tier" columns={["Tier", "Borrowers", "Share"]} rows={data.map((d) => [d.name, formatInt(d.count), formatPct(d.share)])} />}
    >
      <DeferredChart height={220}>
        {(width, { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis }) => (
          <BarChart width={width} height={220} data={data} layout="vertical" margin={{ left: 8, right: 120 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
            <XAxis interval={0} type="number" tick={AXIS_TICK} axisLine={AXIS_LINE} tickFormatter={formatInt} />
            <YAxis interval={0} type="category" dataKey="name" tick={AXIS_TICK} axisLine={AXIS_LINE} width={96} />
            <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => formatInt(Number(v))} cursor={{ fill: "#f1f5f9" }} />
            <Bar dataKey="count" name="Borrowers" isAnimationActive={false} barSize={32}>
              {data.map((d) => (
                <Cell key={d.tier} fill={TIER_COLOR[d.tier]} />
              ))}
              <LabelList
                dataKey="count"
                position="right"
                fill="#334155"
                fontSize={12}
                formatter={(v) => `${formatInt(Number(v))} · ${formatPct(Number(v) / total)}`}
              />
            </Bar>
          </BarChart>
        )}
      </DeferredChart>
    </ChartFigure>
  );
}
