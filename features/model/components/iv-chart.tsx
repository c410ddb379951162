"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import { ivStrength } from "../iv";

type Item = { code: string; description: string; iv: number };

export function IvChart({ items }: { items: Item[] }) {
  const data = [...items].sort((a, b) => b.iv - a.iv).map((c) => ({ ...c, label: c.code }));
  return (
    <ChartFigure
      summary="Information value of each characteristic on the training sample; higher means it separates defaulters from non-defaulters better."
      table={<DataTable caption="Information value per characteristic" columns={["Characteristic", "IV", "Strength"]} rows={data.map((d) => [`${d.code} ${d.description}`, d.iv.toFixed(3), ivStrength(d.iv)])} />}
    >
      <BarChart responsive width="100%" height={40 + data.length * 34} data={data} layout="vertical" margin={{ right: 48 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis type="number" tick={AXIS_TICK} axisLine={AXIS_LINE} />
        <YAxis type="category" dataKey="label" tick={AXIS_TICK} axisLine={AXIS_LINE} width={44} />
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(_, p) => p?.[0]?.payload?.description ?? ""}
          formatter={(v) => [Number(v).toFixed(3), "IV"]}
          cursor={{ fill: "#f1f5f9" }}
        />
        <Bar dataKey="iv" fill="#1d4ed8" isAnimationActive={false} barSize={20}>
          <LabelList dataKey="iv" position="right" fill="#334155" fontSize={11} formatter={(v) => Number(v).toFixed(3)} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
