import type { Metadata } from "next";
import { requirePagePermission } from "@/features/auth/session";
import { can } from "@/features/auth/permissions";
import { getActivePolicy, getPortfolioColumns } from "@/features/policy/data";
import { PageHeader } from "@/components/page-header";
import { AdjustmentsInbox } from "@/features/adjustments/components/adjustments-inbox";
import { AppealsSection, OPEN_APPEALS_QUERY, type AppealsPage } from "@/features/appeals/components/appeals-section";
import { listAppeals } from "@/features/appeals/data";
import { listAdjustments } from "@/features/adjustments/data";
import { adjustmentListQuerySchema } from "@/features/adjustments/schema";
import { inboxApiQuery } from "@/features/adjustments/components/inbox-params";
import { loadInitialPage } from "@/lib/initial-page";
import type { AdjustmentPage } from "@/features/adjustments/types";
import { now } from "@/lib/clock";
import { RunPolicy } from "@/features/adjustments/components/run-policy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Inbox" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("portfolio:read", "/inbox");
  const canDecide = can(actor.role, "adjustment:decide");
  const canPropose = can(actor.role, "adjustment:propose");
  const raw = await searchParams;
  const query = inboxApiQuery(new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []))));
  const parsed = adjustmentListQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(query)));
  // The first page of adjustments and the open appeals come with the HTML (lib/initial-page);
  // invalid filters render nothing here and the client shows the API's 400.
  const [[active, columns], adjustments, appeals] = await Promise.all([
    canPropose ? Promise.all([getActivePolicy(), getPortfolioColumns()]) : [null, null],
    parsed.success ? loadInitialPage<AdjustmentPage>(query, () => listAdjustments(parsed.data)) : null,
    loadInitialPage<AppealsPage>(OPEN_APPEALS_QUERY, async () => ({ items: await listAppeals("OPEN", now()) })),
  ]);

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
          {/* No Suspense boundary: its fallback would be streamed first and swapped for the rows
              (their props arrive as a later chunk), moving the appeals and footer (CLS 0.19). */}
          <AdjustmentsInbox canDecide={canDecide} actorEmail={actor.email} actorRole={actor.role} initial={adjustments} />
        </section>
        <AppealsSection canDecide={canDecide} actorEmail={actor.email} initial={appeals} />
      </div>
    </>
  );
}
