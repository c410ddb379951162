import { Stat, StatGrid } from "@/components/stat";
import type { ScoreModel } from "@/features/scoring/model-types";
import { formatInt, formatMetric, formatPct } from "@/lib/format";

/** Holdout metrics first (the honest ones); training figures as hints for comparison. */
export function ModelMetrics({ model }: { model: ScoreModel }) {
  const { holdout: h, train: t } = model;
  return (
    <StatGrid className="grid-cols-2 md:grid-cols-4">
      <Stat label="AUC (holdout)" value={formatMetric(h.auc)} hint={`Train ${formatMetric(t.auc)}`} />
      <Stat label="KS (holdout)" value={formatMetric(h.ks)} hint={`Train ${formatMetric(t.ks)}`} />
      <Stat label="Gini (holdout)" value={formatMetric(h.gini)} hint={`Train ${formatMetric(t.gini)}`} />
      <Stat
        label="Holdout sample"
        value={`${formatInt(h.n)} borrowers`}
        hint={`Default rate ${formatPct(h.defaultRate)} (train ${formatInt(t.n)}, ${formatPct(t.defaultRate)})`}
      />
    </StatGrid>
  );
}
