import "server-only";
import { getPrisma } from "@/lib/db/client";
import { overrideReport, type ManualProposalRow } from "./report";

/** Every manual proposal with its override rules and the borrower's observed outcome. */
export async function getOverrideReport() {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<Array<{ email: string; tier: string | null; month: string; status: ManualProposalRow["status"]; rules: Array<{ code: string }> | null; outcome: number | null }>>`
    SELECT a."proposedByEmail" AS email, a."tierBefore"::text AS tier, to_char(a."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
           a."status"::text AS status, a."overrideRules" AS rules, b."outcome"
    FROM "Adjustment" a LEFT JOIN "Borrower" b ON b."id" = a."borrowerId"
    WHERE a."source" = 'MANUAL'`;
  return overrideReport(rows.map((r) => ({ proposedByEmail: r.email, tier: r.tier, month: r.month, status: r.status, rules: r.rules ? r.rules.map((x) => x.code) : null, outcome: r.outcome })));
}
