import type { Metadata } from "next";
import { requirePagePermission } from "@/features/auth/session";
import { can } from "@/features/auth/permissions";
import { borrowerListQuerySchema } from "@/features/borrowers/schema";
import { listBorrowers } from "@/features/borrowers/data";
import { listQueryString } from "@/features/borrowers/list-params";
import { BorrowersExplorer } from "@/features/borrowers/components/borrowers-explorer";
import type { BorrowerPage, InitialBorrowerPage } from "@/features/borrowers/components/use-borrower-list";
import { PageHeader } from "@/components/page-header";
import { loadInitialPage } from "@/lib/initial-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Borrowers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BorrowersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("portfolio:read", "/borrowers");
  const raw = await searchParams;
  const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const query = listQueryString(params);
  return (
    <>
      <PageHeader title="Borrowers" description="Latest month's score, tier, limit and utilisation per borrower." />
      {/* No Suspense boundary: its fallback would be streamed first and swapped for the rows. */}
      <BorrowersExplorer initial={await firstPage(query)} canExport={can(actor.role, "portfolio:export")} />
    </>
  );
}

/** The first page, rendered with the HTML (no loading flash). Invalid filters: the client shows the API's 400. */
async function firstPage(query: string): Promise<InitialBorrowerPage> {
  const parsed = borrowerListQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(query)));
  if (!parsed.success || parsed.data.format !== "json") return null;
  // A stale cursor or a month without scores gives null: the client shows the API's 400/404.
  return loadInitialPage<BorrowerPage>(query, () => listBorrowers(parsed.data));
}
