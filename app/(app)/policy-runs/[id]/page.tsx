import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requirePagePermission } from "@/features/auth/session";
import { can } from "@/features/auth/permissions";
import { getPolicyRunView } from "@/features/policy-runs/data";
import { RunSummaryView } from "@/features/policy-runs/components/run-summary";
import { formatMonthLong } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Policy run" };

export default async function PolicyRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePagePermission("policy:read", `/policy-runs/${encodeURIComponent(id)}`);
  const run = await getPolicyRunView(id);
  if (!run) notFound();
  return (
    <>
      <PageHeader
        title={`Policy run: v${run.policyVersion}, ${formatMonthLong(run.month)}`}
        description={`Started by ${run.createdByEmail} on ${run.createdAt.slice(0, 16).replace("T", " ")} UTC. Decided as a whole by a manager who did not start it.`}
      />
      <RunSummaryView initial={JSON.parse(JSON.stringify(run))} actorId={actor.id} canDecide={can(actor.role, "adjustment:decide")} />
    </>
  );
}
