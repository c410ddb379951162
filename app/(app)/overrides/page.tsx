import type { Metadata } from "next";
import { requirePagePermission } from "@/features/auth/session";
import { PageHeader } from "@/components/page-header";
import { getOverrideReport } from "@/features/overrides/data";
import { OverrideReportTables } from "@/features/overrides/components/override-report-tables";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overrides" };

export default async function OverridesPage() {
  await requirePagePermission("portfolio:read", "/overrides");
  const report = await getOverrideReport();
  return (
    <>
      <PageHeader
        title="Overrides"
        description="Manual proposals that break a rule of the active policy: override rate by proposer, tier and month, and the observed outcome (default in October 2005) of the overridden borrowers."
      />
      <p className="mb-4 text-sm">
        <a href="/api/v1/overrides?format=csv" className="font-medium text-blue-800 underline underline-offset-2" download>
          Download CSV
        </a>
      </p>
      <OverrideReportTables report={report} />
    </>
  );
}
