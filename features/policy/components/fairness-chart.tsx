"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import type { PolicyPreview } from "@/features/policy/preview/types";
import { formatInt, formatPct } from "@/lib/format";

const OK_COLOR = "#2563eb";
const FLAG_COLOR = "#b91c1c";

/**
 * Adverse impact ratio per group: the group's share of borrowers not cut ÷ the best group's share
 * (same attribute). Below the threshold (four-fifths rule) a group is flagged, in colour and text.
 */
export function FairnessChart({ fairness }: { fairness: PolicyPreview["fairness"] }) {
  const data = fairness.groups.map((g) => ({ ...g, name: g.attribute === "age" ? `Age ${g.group}` : g.group }));
  const flagged = data.filter((g) => g.flagged);
  const threshold = fairness.threshold;
  return (
    <div>
      <ChartFigure
        summary={`Adverse impact ratio per group, threshold ${threshold}: ${data.map((d) => `${d.name} ${d.air.toFixed(2)}${d.flagged ? " (flagged)" : ""}`).join(", ")}.`}
        table={
          <DataTable
            caption="Adverse impact ratio per group"
            columns={["Group", "Borrowers", "Not cut", "AIR", "Flagged"]}
            rows={data.map((d) => [d.name, formatInt(d.n), formatPct(d.rate), d.air.toFixed(3), d.flagged ? "Yes" : "No"])}
          />
        }
      >
        <DeferredChart height={230}>
          {(width, { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis }) => (
            <BarChart width={width} height={230} data={data} layout="vertical" margin={{ top: 14, right: 40, left: 0, bottom: 0 }} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
              <XAxis interval={0} type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={AXIS_TICK} axisLine={AXIS_LINE} />
              <YAxis interval={0} type="category" dataKey="name" tick={AXIS_TICK} axisLine={AXIS_LINE} width={84} />
              <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => Number(v).toFixed(3)} cursor={{ fill: "#f1f5f9" }} />
              <ReferenceLine
                x={threshold}
                stroke={FLAG_COLOR}
                strokeDasharray="4 3"
                ifOverflow="extendDomain"
                label={{ value: `${threshold} threshold`, position: "top", fill: "#7f1d1d", fontSize: 11 }}
              />
              <Bar dataKey="air" name="Adverse impact ratio" isAnimationActive={false} barSize={16}>
                {data.map((d) => (
                  <Cell key={d.name} fill={d.flagged ? FLAG_COLOR : OK_COLOR} />
                ))}
                <LabelList dataKey="air" position="right" fill="#334155" fontSize={11} formatter={(v) => Number(v).toFixed(2)} />
              </Bar>
            </BarChart>
          )}
        </DeferredChart>
      </ChartFigure>
      <p className={flagged.length ? "mt-2 text-xs font-medium text-red-800" : "mt-2 text-xs text-slate-600"}>
        {flagged.length
          ? `Flagged (below ${threshold}): ${flagged.map((g) => `${g.name} (${g.air.toFixed(2)})`).join(", ")}.`
          : `No group below the ${threshold} threshold.`}
      </p>
    </div>
  );
}
