import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/features/auth/session";
import { can } from "@/features/auth/permissions";
import { borrowerIdParamsSchema } from "@/features/borrowers/schema";
import { getBorrowerDetail } from "@/features/borrowers/data";
import type { BorrowerLimits } from "@/features/borrowers/limits-query";
import { loadInitialPage } from "@/lib/initial-page";
import { now } from "@/lib/clock";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { getActivePolicy } from "@/features/policy/data";
import { limitOutlook } from "@/features/limit-changes/data";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { BackToList } from "@/features/borrowers/components/back-to-list";
import { BorrowerSummary, ObservedOutcome } from "@/features/borrowers/components/borrower-summary";
import { ScoreHistoryChart } from "@/features/borrowers/components/score-history-chart";
import { TierTimeline } from "@/features/borrowers/components/tier-timeline";
import { LimitUtilisationChart } from "@/features/borrowers/components/limit-utilisation-chart";
import { RepaymentTable } from "@/features/borrowers/components/repayment-table";
import { ReasonCodes } from "@/features/borrowers/components/reason-codes";
import { LimitHistoryPanel } from "@/features/borrowers/components/limit-history-panel";
import { ProtectedAttributesPanel } from "@/features/borrowers/components/protected-attributes";
import { BorrowerAppealCards } from "@/features/appeals/components/borrower-appeal-cards";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Borrower ${(await params).id}` };
}

export default async function BorrowerPage({ params }: Props) {
  const { id: rawId } = await params;
  const actor = await requirePagePermission("portfolio:read", `/borrowers/${encodeURIComponent(rawId)}`);
  const parsed = borrowerIdParamsSchema.safeParse({ id: rawId });
  if (!parsed.success || String(parsed.data.id) !== rawId) notFound();
  // The whole API answer, so the limit panel renders with the page (lib/initial-page) as well.
  const [borrower, active, outlook] = await Promise.all([getBorrowerDetail(parsed.data.id, actor, now()), getActivePolicy(), limitOutlook(parsed.data.id)]);
  if (!borrower) notFound();
  const protectedAttributes = borrower.protectedAttributes ?? null;
  const limits = await loadInitialPage<BorrowerLimits>(String(borrower.id), async () => borrower);
  // Bands show the cut-offs in force now; earlier months were tiered by the policy of their time.
  const cutoffs = active?.config.cutoffs ?? DEFAULT_POLICY.cutoffs;

  return (
    <>
      <div className="mb-2">
        <BackToList />
      </div>
      <PageHeader title={`Borrower ${borrower.id}`} description="Score, tier, limit and repayment history, April–September 2005." />
      <div className="space-y-5">
        <BorrowerSummary borrower={borrower} outlook={outlook} />
        <div className="grid gap-5 lg:grid-cols-2">
          <Card title="Score history" description="Scored June–September; April and May lack the 3 months of history the model needs">
            <ScoreHistoryChart history={borrower.history} cutoffs={cutoffs} />
          </Card>
          <Card title="Reason codes" description="Every characteristic that cost the latest score points">
            <ReasonCodes codes={borrower.reasonCodes} />
          </Card>
          <Card title="Tier timeline" className="lg:col-span-2">
            <TierTimeline history={borrower.history} />
          </Card>
          <Card title="Limit and utilisation" description="Utilisation = balance ÷ limit">
            <LimitUtilisationChart history={borrower.history} />
          </Card>
          <Card title="Repayment status">
            <RepaymentTable history={borrower.history} />
          </Card>
          {protectedAttributes ? (
            <Card title="Protected attributes" description="For fairness review only; never a model input and never exported" className="lg:col-span-2">
              <ProtectedAttributesPanel attributes={protectedAttributes} />
            </Card>
          ) : null}
        </div>
        {/* Decision-first: figures, then history and reasons, then the actions. */}
        <LimitHistoryPanel
          borrowerId={borrower.id}
          canPropose={can(actor.role, "adjustment:propose")}
          initial={limits}
          appeals={<BorrowerAppealCards borrowerId={borrower.id} canRecordAppeal={can(actor.role, "appeal:record")} initial={limits} />}
        />
        <Card title="Observed outcome (hindsight)" description="For model validation only" level={2}>
          <ObservedOutcome outcome={borrower.outcome} />
        </Card>
      </div>
    </>
  );
}
