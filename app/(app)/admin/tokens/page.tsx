import type { Metadata } from "next";
import { requirePagePermission } from "@/features/auth/session";
import { PageHeader } from "@/components/page-header";
import { TokensManager } from "@/features/tokens/components/tokens-manager";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requirePagePermission("users:manage", "/admin/tokens");
  return (
    <>
      <PageHeader title="API tokens" description="Service-account tokens for reading the limit-change feed (Authorization: Bearer <token>)." />
      <TokensManager />
    </>
  );
}
