"use client";

import { DeferredChart } from "@/components/deferred-chart";
import { ChartFigure, DataTable } from "@/components/chart-figure";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "@/components/chart-theme";
import type { RocPoint } from "@/features/scoring/model-types";
import { formatMetric, formatPct } from "@/lib/format";

const pctTick = (v: number) => `${Math.round(v * 100)}%`;

export function RocChart({ roc, auc }: { roc: RocPoint[]; auc: number }) {
  // The text alternative lists every 10th point: enough to read the curve's shape.
  const rows = roc.filter((_, i) => i % 10 === 0 || i === roc.length - 1).map((p) => [formatPct(p.fpr), formatPct(p.tpr)]);
  return (
    <ChartFigure
      summary={`ROC curve on the holdout sample, AUC ${formatMetric(auc)}; the diagonal is a model with no discrimination.`}
      table={<DataTable caption="ROC curve points" columns={["False positive rate", "True positive rate"]} rows={rows} />}
    >
      <DeferredChart height={280}>
        {(width, { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis }) => (
          <LineChart width={width} height={280} data={roc} margin={{ right: 16, top: 8, bottom: 16 }} accessibilityLayer={false}>
            <CartesianGrid stroke={GRID_STROKE} />
            <XAxis interval={0}
              type="number"
              dataKey="fpr"
              domain={[0, 1]}
              tickCount={6}
              tickFormatter={pctTick}
              tick={AXIS_TICK}
              axisLine={AXIS_LINE}
              label={{ value: "False positive rate (goods flagged)", position: "insideBottom", offset: -10, fontSize: 11, fill: "#475569" }}
            />
            <YAxis interval={0}
              type="number"
              domain={[0, 1]}
              tickCount={6}
              tickFormatter={pctTick}
              tick={AXIS_TICK}
              axisLine={AXIS_LINE}
              width={48}
              label={{ value: "True positive rate", angle: -90, position: "insideLeft", fontSize: 11, fill: "#475569", dy: 50 }}
            />
            <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#94a3b8" strokeDasharray="4 4" ifOverflow="visible" />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(v) => `False positive rate ${formatPct(Number(v))}`}
              formatter={(v) => [formatPct(Number(v)), "True positive rate"]}
            />
            <Line dataKey="tpr" stroke="#1d4ed8" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        )}
      </DeferredChart>
    </ChartFigure>
  );
}
