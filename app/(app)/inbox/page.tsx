import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePagePermission } from "@/features/auth/session";
import { can } from "@/features/auth/permissions";
import { getActivePolicy, getPortfolioColumns } from "@/features/policy/data";
import { PageHeader } from "@/components/page-header";
import { AdjustmentsInbox } from "@/features/adjustments/components/adjustments-inbox";
import { AppealsSection } from "@/features/appeals/components/appeals-section";
import { RunPolicy } from "@/features/adjustments/components/run-policy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const actor = await requirePagePermission("portfolio:read", "/inbox");
  const canDecide = can(actor.role, "adjustment:decide");
  const canPropose = can(actor.role, "adjustment:propose");
  const [active, columns] = canPropose ? await Promise.all([getActivePolicy(), getPortfolioColumns()]) : [null, null];

  return (
    <>
      <PageHeader
        title="Inbox"
        description={
          canDecide
            ? "Limit adjustments waiting for your decision (maker-checker: never your own), and open appeals."
            : "Limit adjustments waiting for a manager's decision, and open appeals."
        }
      />
      <div className="space-y-6">
        {canPropose ? <RunPolicy activeVersion={active?.version ?? null} borrowers={columns?.n ?? null} /> : null}
        <section aria-labelledby="adjustments-heading" className="space-y-3">
          <h2 id="adjustments-heading" className="text-base font-semibold text-slate-900">
            Adjustments
          </h2>
          <Suspense fallback={<p className="text-sm text-slate-600">Loading adjustments…</p>}>
            <AdjustmentsInbox canDecide={canDecide} actorEmail={actor.email} actorRole={actor.role} />
          </Suspense>
        </section>
        <AppealsSection canDecide={canDecide} actorEmail={actor.email} />
      </div>
    </>
  );
}
