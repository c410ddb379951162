"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartLegend } from "@/components/chart-legend";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import { Table, Td, Th, RowTh } from "@/components/table";
import { TierBadge } from "@/components/tier-badge";
import { TIER_LABEL, TIER_ORDER } from "@/features/policy/tier-display";
import type { PolicyPreview } from "@/features/policy/preview/types";
import { formatCompact, formatInt, formatSigned } from "@/lib/format";

export const BEFORE_COLOR = "#64748b";
export const AFTER_COLOR = "#1d4ed8";

/** Borrowers per tier under the active policy (before) and this version (after). */
export function TierCompareChart({ tiers }: { tiers: PolicyPreview["tiers"] }) {
  const data = TIER_ORDER.map((t) => ({ tier: t, name: TIER_LABEL[t], before: tiers.before[t], after: tiers.after[t] }));
  const summary = `Borrowers per tier, before → after: ${data.map((d) => `${d.name} ${formatInt(d.before)} → ${formatInt(d.after)}`).join(", ")}.`;
  return (
    <div>
      <ChartFigure
        summary={summary}
        table={<DataTable caption="Borrowers per tier" columns={["Tier", "Before", "After"]} rows={data.map((d) => [d.name, formatInt(d.before), formatInt(d.after)])} />}
      >
        <DeferredChart height={190}>
          {(width, { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis }) => (
            <BarChart width={width} height={190} data={data} margin={{ top: 8, right: 8, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis interval={0} dataKey="name" tick={AXIS_TICK} axisLine={AXIS_LINE} />
              <YAxis interval={0} tick={AXIS_TICK} axisLine={AXIS_LINE} tickFormatter={formatCompact} width={44} />
              <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => formatInt(Number(v))} cursor={{ fill: "#f1f5f9" }} />
              <Bar dataKey="before" name="Before (active)" fill={BEFORE_COLOR} isAnimationActive={false} />
              <Bar dataKey="after" name="After (this version)" fill={AFTER_COLOR} isAnimationActive={false} />
            </BarChart>
          )}
        </DeferredChart>
        <ChartLegend items={[{ label: "Before (active)", color: BEFORE_COLOR }, { label: "After (this version)", color: AFTER_COLOR }]} />
      </ChartFigure>
      <Table aria-label="Borrowers per tier, before and after" className="mt-2">
        <thead>
          <tr>
            <Th>Tier</Th>
            <Th numeric>Before</Th>
            <Th numeric>After</Th>
            <Th numeric>Change</Th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.tier}>
              <RowTh>
                <TierBadge tier={d.tier} />
              </RowTh>
              <Td numeric>{formatInt(d.before)}</Td>
              <Td numeric data-tier-after={d.tier}>
                {formatInt(d.after)}
              </Td>
              <Td numeric>{formatSigned(d.after - d.before)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
