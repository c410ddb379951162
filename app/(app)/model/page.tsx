import type { Metadata } from "next";
import { requirePagePermission } from "@/features/auth/session";
import { getActiveModel } from "@/features/model/data";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { ModelMetrics } from "@/features/model/components/model-metrics";
import { ScalingExplainer } from "@/features/model/components/scaling-explainer";
import { RocChart } from "@/features/model/components/roc-chart";
import { KsChart } from "@/features/model/components/ks-chart";
import { IvChart } from "@/features/model/components/iv-chart";
import { PointsTable } from "@/features/model/components/points-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Model" };

export default async function ModelPage() {
  await requirePagePermission("model:read", "/model");
  const model = await getActiveModel();
  if (!model) {
    return (
      <>
        <PageHeader title="Model" />
        <p className="text-sm text-slate-700">No scorecard is installed yet. Run the database seed to install one.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Model" description={`Scorecard ${model.version} · training sample ${model.trainedAt}`} />
      <div className="space-y-5">
        <ModelMetrics model={model} />
        <p className="rounded-md border border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-950">
          Protected attributes in the data set (sex, age, marital status, education) are never model inputs: the score uses
          only repayment, payment, balance and limit history.
        </p>
        <div className="grid gap-5 lg:grid-cols-2">
          <Card title="ROC curve" description="Holdout sample; dashed diagonal = no discrimination">
            <RocChart roc={model.holdout.roc} auc={model.holdout.auc} />
          </Card>
          <Card title="KS chart" description="Holdout sample: share of bads and goods scoring at or below each score">
            <KsChart curve={model.holdout.ksCurve} />
          </Card>
          <Card title="Score scaling">
            <ScalingExplainer model={model} />
          </Card>
          <Card title="Information value" description="Predictive strength of each characteristic (training sample)">
            <IvChart items={model.characteristics.map(({ code, description, iv }) => ({ code, description, iv }))} />
          </Card>
        </div>
        <section aria-labelledby="points-heading" className="space-y-3">
          <h2 id="points-heading" className="text-base font-semibold text-slate-900">
            Points per characteristic
          </h2>
          <div className="grid gap-5 lg:grid-cols-2">
            {model.characteristics.map((c) => (
              <Card key={c.code} level={3} title={`${c.code} · ${c.description}`}>
                <PointsTable characteristic={c} />
              </Card>
            ))}
          </div>
        </section>
      </div>
    </>
  );
}
