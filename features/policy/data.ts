import "server-only";
import { getDb, getPrisma } from "@/lib/db/client";
import type { Policy, Prisma } from "@/generated/prisma/client";
import type { PolicyConfig, PolicyView, Tier } from "./schema";
import { statusesForDelay, type PortfolioColumns } from "./preview/columns";
import { PortfolioColumnsCache, type ColumnRow, type ColumnsSource } from "./preview/columns-cache";
import { columnsFromChunks, type BinaryChunk } from "./preview/column-chunks";

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
// The preview's input lives in memory (preview/columns-cache.ts) and follows BorrowerState by
// portfolio version; each app process holds one cache.
// Each statement reads the counter and the rows in ONE snapshot: every change stamped <= the
// version it returns is in the rows (writers commit in version order), none is missed.
const VERSION_CTE = `WITH pv AS (SELECT coalesce((SELECT "version" FROM "PortfolioVersion" WHERE "id" = 1), 0)::float8 AS v)`;
// Cold load in chunks of borrowers (by id, an index range), each chunk ONE row of binary columns:
// no per-borrower objects in Node. The first chunk's snapshot gives the version (see ColumnsSource).
const CHUNK = 250_000;
const CHUNK_SQL = `${VERSION_CTE},
  c AS (SELECT s."borrowerId", s."limit", s."balance", s."score", s."monthsSinceDelay", s."pd", s."month", b."outcome", b."sex", b."age"
    FROM "BorrowerState" s JOIN "Borrower" b ON b."id" = s."borrowerId"
    WHERE s."borrowerId" > $1 ORDER BY s."borrowerId" LIMIT $2)
  SELECT (SELECT v FROM pv) AS v, count(*)::int AS n, max(c."borrowerId") AS last, max(c."month") AS month,
    string_agg(int4send(c."borrowerId"), ''::bytea) AS id, string_agg(int4send(c."limit"), ''::bytea) AS "limit",
    string_agg(int4send(c."balance"), ''::bytea) AS balance, string_agg(int2send(c."score"::int2), ''::bytea) AS score,
    string_agg(int2send(c."monthsSinceDelay"::int2), ''::bytea) AS msd, string_agg(int2send(c."outcome"::int2), ''::bytea) AS outcome,
    string_agg(int2send(c."sex"::int2), ''::bytea) AS sex, string_agg(int2send(c."age"::int2), ''::bytea) AS age,
    string_agg(float8send(c."pd"), ''::bytea) AS pd
  FROM c`;
const DELTA_SQL = `${VERSION_CTE}
  SELECT pv.v, s."borrowerId" AS id, s."score", s."pd", s."limit", s."balance", s."monthsSinceDelay" AS msd, s."month"
  FROM pv LEFT JOIN "BorrowerState" s ON s."version" > $1`;

/** The preview columns' database source: narrow projections of BorrowerState (+ Borrower's static columns). */
export function dbColumnsSource(): ColumnsSource {
  const split = (rows: Array<ColumnRow & { v: number; id: number | null }>) => ({
    version: Number(rows[0]?.v ?? 0),
    rows: rows.filter((r) => r.id != null),
  });
  return {
    load: async () => {
      const { sql } = await getDb();
      const chunks: BinaryChunk[] = [];
      let version: number | null = null, last = 0, month = "";
      for (;;) {
        const [chunk] = await sql.query<BinaryChunk & { v: number; last: number | null; month: string | null }>(CHUNK_SQL, [last, CHUNK]);
        version ??= Number(chunk.v);
        if (!chunk.n) break;
        chunks.push(chunk);
        last = chunk.last!;
        if (chunk.month && chunk.month > month) month = chunk.month;
        if (chunk.n < CHUNK) break;
      }
      return { version, columns: columnsFromChunks(chunks, month) };
    },
    changesSince: async (version) => split(await (await getDb()).sql.query<ColumnRow & { v: number; id: number | null }>(DELTA_SQL, [version])),
  };
}

const holder = globalThis as typeof globalThis & { __limitDeskColumns?: PortfolioColumnsCache };

/** Every borrower's current state as preview columns, brought up to date with the database first. */
export function getPortfolioColumns(): Promise<PortfolioColumns> {
  holder.__limitDeskColumns ??= new PortfolioColumnsCache(dbColumnsSource());
  return holder.__limitDeskColumns.get();
}

export type LatestBorrowerRow = {
  id: number; score: number; pd: number; limit: number; balance: number; tier: Tier; reasonCodes: unknown;
  statuses: number[]; outcome: number; sex: number; age: number; month: string;
};

/** Every borrower's current state (BorrowerState, no per-borrower subqueries): the policy run's input. */
export async function latestBorrowerRows(tx?: Prisma.TransactionClient): Promise<LatestBorrowerRow[]> {
  const db = tx ?? (await getPrisma());
  const rows = await db.$queryRaw<Array<Omit<LatestBorrowerRow, "statuses"> & { monthsSinceDelay: number }>>`
    SELECT s."borrowerId" AS id, s."score", s."pd", s."limit", s."balance", s."tier"::text AS tier, s."reasonCodes",
      s."monthsSinceDelay", b."outcome", b."sex", b."age", s."month"
    FROM "BorrowerState" s JOIN "Borrower" b ON b."id" = s."borrowerId"
    ORDER BY s."borrowerId"`;
  return rows.map(({ monthsSinceDelay, ...r }) => ({ ...r, statuses: statusesForDelay(monthsSinceDelay) }));
}
