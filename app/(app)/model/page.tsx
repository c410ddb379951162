import type { Metadata } from "next";
import { requirePagePermission } from "@/features/auth/session";
import { getActiveModel, listModelVersions } from "@/features/model/data";
import { ModelVersions } from "@/features/model/components/model-versions";
import { FitCandidate } from "@/features/model/components/fit-candidate";
import { actorCan } from "@/features/auth/permissions";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { ModelMetrics } from "@/features/model/components/model-metrics";
import { ScalingExplainer } from "@/features/model/components/scaling-explainer";
import { RocChart } from "@/features/model/components/roc-chart";
import { KsChart } from "@/features/model/components/ks-chart";
import { IvChart } from "@/features/model/components/iv-chart";
import { PointsTable } from "@/features/model/components/points-table";
import { ValidationTable } from "@/features/model/components/validation-table";
import { ReliabilityTable } from "@/features/monitoring/components/reliability-table";
import { MonitoringSection } from "@/features/monitoring/components/monitoring-section";
import { getMonitoringReport, monitoringIndex, monthlySummaries } from "@/features/monitoring/data";
import { monitoringQuerySchema } from "@/features/monitoring/schema";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Model" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModelPage({ searchParams }: Props) {
  const actor = await requirePagePermission("model:read", "/model");
  const model = await getActiveModel();
  if (!model) {
    return (
      <>
        <PageHeader title="Model" />
        <p className="text-sm text-slate-700">No scorecard is installed yet. Run the database seed to install one.</p>
      </>
    );
  }
  const sp = await searchParams;
  const q = monitoringQuerySchema.safeParse({ month: sp.month, reference: sp.reference });
  const [versions, report, available, months] = await Promise.all([
    listModelVersions(),
    q.success ? getMonitoringReport(q.data.month, q.data.reference) : Promise.resolve(null),
    monitoringIndex(),
    monthlySummaries(),
  ]);
  const v = model.validation;
  return (
    <>
      <PageHeader title="Model" description={`Scorecard ${model.version} · training sample ${model.trainedAt}`} />
      <div className="space-y-5">
        <ModelMetrics model={model} />
        <p className="rounded-md border border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-950">
          Protected attributes in the data set (sex, age, marital status, education) are never model inputs, and neither is the credit limit
          (the lender&apos;s own decision): the score uses repayment, payment and balance history, with the repayment-status coding harmonised
          across months.
        </p>
        {v ? (
          <div className="grid gap-5 lg:grid-cols-2">
            <Card title="Validation: champion and challenger" description="Same folds, same holdout" className="lg:col-span-2">
              <ValidationTable model={model} validation={v} />
            </Card>
            <Card title="Calibration (holdout)" description="Isotonic score → PD table fitted on the training sample">
              <ReliabilityTable reliability={v.reliability.holdout} label="Holdout reliability" />
            </Card>
            <Card title="Calibration (training sample)">
              <ReliabilityTable reliability={v.reliability.train} label="Training reliability" />
            </Card>
          </div>
        ) : null}
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
        {report ? (
          <MonitoringSection report={report} available={available} months={months} />
        ) : (
          <p className="text-sm text-slate-700">
            {q.success ? "No monitoring report for this month and reference." : "Invalid month or reference: use YYYY-MM."}
          </p>
        )}
        <section aria-labelledby="points-heading" className="space-y-3">
          <h2 id="points-heading" className="text-base font-semibold text-slate-900">
            Points per characteristic
          </h2>
          <p className="text-sm text-slate-700">
            Points per bin are fitted by boosting one-split trees on one characteristic at a time (so the score stays a sum of points,
            one table per characteristic), each split held to the characteristic&apos;s declared direction unless its shape is learned
            (credit-line use: an unused line and a full one are both riskier); a learned shape&apos;s bins on the other side of its safest
            bin carry their own reason. Reason codes list every characteristic that cost points (all of them, largest loss first), so the
            losses add up to the gap to the best score; positive reasons are the characteristics scoring above the training average.
          </p>
          <div className="grid gap-5 lg:grid-cols-2">
            {model.characteristics.map((c) => (
              <Card key={c.code} level={3} title={`${c.code} · ${c.description}`}>
                <PointsTable characteristic={c} />
              </Card>
            ))}
          </div>
        </section>
        <Card title="Model versions" description="A new fit is stored as a candidate and becomes active only when a second person (MANAGER/ADMIN, not who fitted it) approves it; activation re-scores the latest month">
          {actorCan(actor, "model:fit") ? <FitCandidate /> : null}
          <ModelVersions items={versions} canDecide={actorCan(actor, "model:approve")} me={actor.email} />
        </Card>
      </div>
    </>
  );
}
