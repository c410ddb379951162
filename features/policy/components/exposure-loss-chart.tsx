"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, TOOLTIP_STYLE } from "@/components/chart-theme";
import type { BeforeAfter, PolicyPreview } from "@/features/policy/preview/types";
import { formatNtd, formatNtdCompact, formatPct } from "@/lib/format";
import { AFTER_COLOR, BEFORE_COLOR } from "./tier-compare-chart";

const change = ({ before, after }: BeforeAfter) => (before === 0 ? 0 : (after - before) / before);
const signedPct = (r: number) => (r > 0 ? `+${formatPct(r)}` : r < 0 ? `−${formatPct(-r)}` : "±0.0%");

function MiniBars({ title, values }: { title: string; values: BeforeAfter }) {
  const data = [
    { name: "Before", value: values.before, fill: BEFORE_COLOR },
    { name: "After", value: values.after, fill: AFTER_COLOR },
  ];
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold text-slate-700">{title}</p>
      <p className="text-xs text-slate-600">
        {formatNtd(values.before)} → {formatNtd(values.after)} ({signedPct(change(values))})
      </p>
      <ChartFigure
        summary={`${title}: ${formatNtd(values.before)} before, ${formatNtd(values.after)} after (${signedPct(change(values))}).`}
        table={<DataTable caption={title} columns={["Scenario", "NT$"]} rows={data.map((d) => [d.name, formatNtd(d.value)])} />}
      >
        <DeferredChart height={170}>
          {(width, { Bar, BarChart, Cell, LabelList, Tooltip, XAxis, YAxis }) => (
            <BarChart width={width} height={170} data={data} margin={{ top: 20, right: 8, left: 8 }} accessibilityLayer={false}>
                        <XAxis interval={0} dataKey="name" tick={AXIS_TICK} axisLine={AXIS_LINE} />
              <YAxis hide domain={[0, (max: number) => max * 1.15]} />
              <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => formatNtd(Number(v))} cursor={{ fill: "#f1f5f9" }} />
              <Bar dataKey="value" name={title} isAnimationActive={false} maxBarSize={56}>
                {data.map((d) => (
                  <Cell key={d.name} fill={d.fill} />
                ))}
                <LabelList dataKey="value" position="top" fill="#334155" fontSize={11} formatter={(v) => formatNtdCompact(Number(v))} />
              </Bar>
            </BarChart>
          )}
        </DeferredChart>
      </ChartFigure>
    </div>
  );
}

/** Total limits (exposure) and expected loss (PD × LGD × EAD), active policy vs this version. */
export function ExposureLossChart({ preview }: { preview: PolicyPreview }) {
  return (
    <div>
      <div className="grid gap-4 sm:grid-cols-2">
        <MiniBars title="Exposure (sum of limits)" values={preview.exposure} />
        <MiniBars title="Expected loss" values={preview.expectedLoss} />
      </div>
      <p className="mt-2 text-xs text-slate-600">
        Exposure at default: {formatNtd(preview.ead.before)} → {formatNtd(preview.ead.after)} ({signedPct(change(preview.ead))}).
      </p>
    </div>
  );
}
