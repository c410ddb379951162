import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePagePermission } from "@/features/auth/session";
import { PageHeader } from "@/components/page-header";
import { LimitChangesFeed } from "@/features/limit-changes/components/limit-changes-feed";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Limit changes" };

export default async function LimitChangesPage() {
  await requirePagePermission("limitchanges:read", "/limit-changes");
  return (
    <>
      <PageHeader
        title="Limit changes"
        description="Every approved limit change in order: applied at once (increases) or scheduled after the notice period (decreases). The card system reads the same feed."
      />
      <Suspense fallback={<p className="text-sm text-slate-600">Loading limit changes…</p>}>
        <LimitChangesFeed />
      </Suspense>
    </>
  );
}
