import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePagePermission } from "@/features/auth/session";
import { AUDIT_ACTIONS } from "@/features/audit/actions";
import { PageHeader } from "@/components/page-header";
import { AuditExplorer } from "@/features/audit/components/audit-explorer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await requirePagePermission("audit:read", "/audit");
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, who made it and when, newest first. Each event is hash-chained to the one before it."
      />
      <Suspense fallback={<p className="text-sm text-slate-600">Loading audit events…</p>}>
        <AuditExplorer actions={AUDIT_ACTIONS} />
      </Suspense>
    </>
  );
}
