import type { Metadata } from "next";
import { requirePagePermission } from "@/features/auth/session";
import { getOverview } from "@/features/overview/data";
import { getActivePolicy } from "@/features/policy/data";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { KpiGrid } from "@/features/overview/components/kpi-grid";
import { TierMixChart } from "@/features/overview/components/tier-mix-chart";
import { ScoreHistogramChart } from "@/features/overview/components/score-histogram-chart";
import { TiersByMonthChart } from "@/features/overview/components/tiers-by-month-chart";
import { TierChanges } from "@/features/overview/components/tier-changes";
import { formatMonthLong } from "@/lib/format";
import { MonitoringAlerts } from "@/features/monitoring/components/monitoring-alerts";
import { ReevaluatedLine } from "@/features/imports/components/reevaluated-line";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requirePagePermission("portfolio:read", "/");
  const [overview, active] = await Promise.all([getOverview(), getActivePolicy()]);
  const policy = active ? `policy v${active.version}` : "no active policy";
  const month = overview.month ? formatMonthLong(overview.month) : null;

  return (
    <>
      <PageHeader title="Overview" description={month ? `Portfolio as scored in ${month}; current tiers under ${policy}.` : "No scores have been imported yet."} />
      <div className="space-y-5">
        <ReevaluatedLine />
        <KpiGrid overview={overview} />
        <MonitoringAlerts />
        <div className="grid gap-5 lg:grid-cols-2">
          <Card title="Tier mix" description={month ? `Borrowers per risk tier now (${policy}), ${month}` : undefined}>
            <TierMixChart mix={overview.tierMix} />
          </Card>
          <Card title="Tier changes" description="Borrowers whose risk tier moved, by cause">
            <TierChanges {...overview.tierChanges} month={overview.month} />
          </Card>
          <Card title="Score distribution" description="Borrowers per 25-point score bucket, by observed October 2005 outcome">
            <ScoreHistogramChart buckets={overview.histogram} />
          </Card>
          <Card title="Tiers by month" description="Each month's tiers as scored, June–September 2005 (by the policy in force then); the current tiers are in Tier mix">
            <TiersByMonthChart months={overview.tiersByMonth} />
          </Card>
        </div>
      </div>
    </>
  );
}
