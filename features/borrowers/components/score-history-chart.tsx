"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import { TIER_LABEL, TIER_TINT } from "@/features/policy/tier-display";
import type { PolicyConfig } from "@/features/policy/schema";
import { formatMonth, formatPd } from "@/lib/format";
import type { BorrowerDetail } from "../schema";

type Props = { history: BorrowerDetail["history"]; cutoffs: PolicyConfig["cutoffs"] };

/** Score per month over tier bands; unscored months (April/May, no 3-month history yet) are gaps. */
export function ScoreHistoryChart({ history, cutoffs }: Props) {
  const data = history.map((h) => ({ label: formatMonth(h.month), score: h.score, pd: h.pd }));
  const scores = history.flatMap((h) => (h.score == null ? [] : [h.score]));
  // Show the borrower's range and both cut-offs, with some room, within the 350–950 scale.
  const lo = Math.max(350, Math.floor((Math.min(...scores, cutoffs.medium) - 50) / 50) * 50);
  const hi = Math.min(950, Math.ceil((Math.max(...scores, cutoffs.low) + 50) / 50) * 50);
  const rows = data.map((d) => [d.label, d.score ?? "Not scored", d.pd != null ? formatPd(d.pd) : "—"]);
  return (
    <ChartFigure
      summary={`Score history with tier bands: high risk below ${cutoffs.medium}, medium risk ${cutoffs.medium}–${cutoffs.low - 1}, low risk ${cutoffs.low} and above.`}
      table={<DataTable caption="Score by month" columns={["Month", "Score", "PD"]} rows={rows} />}
    >
      <DeferredChart height={240}>
        {(width, { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis }) => (
          <LineChart width={width} height={240} data={data} margin={{ right: 16, top: 8 }} accessibilityLayer={false}>
            <ReferenceArea y1={lo} y2={cutoffs.medium} fill={TIER_TINT.HIGH} fillOpacity={0.8} ifOverflow="hidden" label={bandLabel(TIER_LABEL.HIGH)} />
            <ReferenceArea y1={cutoffs.medium} y2={cutoffs.low} fill={TIER_TINT.MEDIUM} fillOpacity={0.8} ifOverflow="hidden" label={bandLabel(TIER_LABEL.MEDIUM)} />
            <ReferenceArea y1={cutoffs.low} y2={hi} fill={TIER_TINT.LOW} fillOpacity={0.8} ifOverflow="hidden" label={bandLabel(TIER_LABEL.LOW)} />
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis interval={0} dataKey="label" tick={AXIS_TICK} axisLine={AXIS_LINE} />
            <YAxis interval={0} domain={[lo, hi]} tick={AXIS_TICK} axisLine={AXIS_LINE} width={44} allowDataOverflow />
            <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => (v == null ? "Not scored" : String(v))} />
            <Line dataKey="score" name="Score" stroke="#1e3a8a" strokeWidth={2} dot={{ r: 4 }} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        )}
      </DeferredChart>
    </ChartFigure>
  );
}

const bandLabel = (value: string) => ({ value, position: "insideTopRight" as const, fill: "#334155", fontSize: 11 });
