import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Policy, Prisma } from "@/generated/prisma/client";
import type { PolicyConfig, PolicyView, Tier } from "./schema";
import { columnsFromRecords, type PortfolioColumns } from "./preview/columns";

export function toView(p: Policy): PolicyView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: p.id,
    version: p.version,
    status: p.status,
    name: p.name,
    config: p.config as unknown as PolicyConfig,
    basedOnId: p.basedOnId,
    authorEmail: p.authorEmail,
    createdAt: p.createdAt.toISOString(),
    submittedAt: iso(p.submittedAt),
    decidedByEmail: p.decidedByEmail,
    decidedAt: iso(p.decidedAt),
    comment: p.comment,
    activatedAt: iso(p.activatedAt),
    retiredAt: iso(p.retiredAt),
  };
}

export async function listPolicies(): Promise<PolicyView[]> {
  const prisma = await getPrisma();
  return (await prisma.policy.findMany({ orderBy: { version: "desc" } })).map(toView);
}

export async function getPolicy(id: string) {
  const prisma = await getPrisma();
  return prisma.policy.findUnique({ where: { id } });
}

export async function getActivePolicy(): Promise<PolicyView | null> {
  const prisma = await getPrisma();
  const p = await prisma.policy.findFirst({ where: { status: "ACTIVE" } });
  return p ? toView(p) : null;
}

// ---- Portfolio columns for the impact preview -------------------------------------------
// Built once from the database and kept in memory, so a preview is one pass over typed arrays.
// Mutations that change limits or scores call invalidatePortfolioColumns().
type ColumnsCache = { columns: Promise<PortfolioColumns> | null };
const holder = globalThis as typeof globalThis & { __limitDeskColumns?: ColumnsCache };
const cache = (holder.__limitDeskColumns ??= { columns: null });

export function invalidatePortfolioColumns() {
  cache.columns = null;
}

export function getPortfolioColumns(): Promise<PortfolioColumns> {
  cache.columns ??= loadPortfolioColumns().catch((err) => {
    cache.columns = null;
    throw err;
  });
  return cache.columns;
}

export type LatestBorrowerRow = {
  id: number; score: number; pd: number; limit: number; balance: number; tier: Tier; reasonCodes: unknown;
  statuses: number[]; outcome: number; sex: number; age: number; month: string;
};

/** Every borrower's latest score with current limit and repayment history: the preview's and the policy run's input. */
export async function latestBorrowerRows(tx?: Prisma.TransactionClient): Promise<LatestBorrowerRow[]> {
  const db = tx ?? (await getPrisma());
  const rows = await db.$queryRaw<Array<Omit<LatestBorrowerRow, "statuses"> & { statuses: string }>>`
    SELECT s."borrowerId" AS id, s."score", s."pd", b."limit", s."balance", s."tier"::text AS tier, s."reasonCodes",
      b."outcome", b."sex", b."age", s."month",
      (SELECT string_agg(st."repaymentStatus"::text, ',' ORDER BY st."month") FROM "Statement" st
        WHERE st."borrowerId" = s."borrowerId" AND st."month" <= s."month") AS statuses
    FROM "Score" s JOIN "Borrower" b ON b."id" = s."borrowerId"
    WHERE s."month" = (SELECT max("month") FROM "Score")
    ORDER BY s."borrowerId"`;
  return rows.map((r) => ({ ...r, statuses: r.statuses.split(",").map(Number) }));
}

async function loadPortfolioColumns(): Promise<PortfolioColumns> {
  const rows = await latestBorrowerRows();
  return columnsFromRecords(rows, rows[0]?.month ?? "");
}
