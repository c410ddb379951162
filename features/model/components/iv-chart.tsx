"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import { IV_BANDS, ivBand, ivRange, ivStrength } from "../iv";

type Item = { code: string; description: string; iv: number };

/** Height of one bar's row: the chart grows with the number of characteristics, none is dropped. */
const ROW_HEIGHT = 34;

/**
 * Information value per characteristic, strongest first, each bar coloured and labelled by the band
 * practitioners read it in (> 0.5 is a warning, not a virtue). Any number of characteristics: the
 * height follows the count, every category tick is drawn (interval 0) and the axis is as wide as
 * the longest code.
 */
export function IvChart({ items }: { items: Item[] }) {
  const data = [...items].sort((a, b) => b.iv - a.iv).map((c) => ({ ...c, band: ivBand(c.iv) }));
  const max = Math.max(0.5, ...data.map((d) => d.iv));
  const top = Math.ceil(max * 10) / 10;
  const ticks = [0, 0.1, 0.3, 0.5, ...(top > 0.5 ? [top] : [])];
  const codeWidth = 12 + 7 * Math.max(4, ...data.map((d) => d.code.length));
  const suspicious = data.filter((d) => d.band.key === "suspicious");
  return (
    <ChartFigure
      summary={`Information value of each of the ${data.length} characteristics on the training sample; higher means it separates defaulters from non-defaulters better.${suspicious.length ? ` ${suspicious.length} are above 0.5, suspiciously strong: check them for leakage.` : ""}`}
      table={
        <DataTable
          caption="Information value per characteristic"
          columns={["Characteristic", "IV", "Reading"]}
          rows={data.map((d) => [`${d.code} ${d.description}`, d.iv.toFixed(3), ivStrength(d.iv)])}
        />
      }
    >
      <DeferredChart height={40 + data.length * ROW_HEIGHT}>
        {(width, { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis }) => (
          <BarChart width={width} height={40 + data.length * ROW_HEIGHT} data={data} layout="vertical" margin={{ right: 112 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
            <XAxis interval={0} type="number" domain={[0, top]} ticks={ticks} tick={AXIS_TICK} axisLine={AXIS_LINE} />
            <YAxis type="category" dataKey="code" interval={0} tick={AXIS_TICK} axisLine={AXIS_LINE} width={codeWidth} />
            {IV_BANDS.slice(1).map((b) => (
              <ReferenceLine key={b.key} x={b.from} stroke="#94a3b8" strokeDasharray="3 3" />
            ))}
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(_, p) => p?.[0]?.payload?.description ?? ""}
              formatter={(v) => [`${Number(v).toFixed(3)} (${ivStrength(Number(v)).toLowerCase()})`, "IV"]}
              cursor={{ fill: "#f1f5f9" }}
            />
            <Bar dataKey="iv" isAnimationActive={false} barSize={20}>
              {data.map((d) => (
                <Cell key={d.code} fill={d.band.color} />
              ))}
              <LabelList dataKey="iv" position="right" fill="#334155" fontSize={11} formatter={(v) => `${Number(v).toFixed(3)} ${ivBand(Number(v)).label.toLowerCase()}`} />
            </Bar>
          </BarChart>
        )}
      </DeferredChart>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {IV_BANDS.map((b) => (
          <li key={b.key} className="flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: b.color }} />
            <span>
              {ivRange(b)} {b.reading.charAt(0).toLowerCase() + b.reading.slice(1)}
            </span>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
