import "server-only";
import { getDb, getPrisma } from "@/lib/db/client";
import type { Policy, Prisma } from "@/generated/prisma/client";
import type { PolicyConfig, PolicyView, Tier } from "./schema";
import { statusesForDelay, type PortfolioColumns } from "./preview/columns";
import { PortfolioColumnsCache, type ColumnRow, type ColumnsSource } from "./preview/columns-cache";
import { applyStaticChunks, columnsFromChunks, indexColumns, type BinaryChunk, type StaticChunk } from "./preview/column-chunks";

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
  return (await prisma.policy.findMany({ where: { discardedAt: null }, orderBy: { version: "desc" } })).map(toView);
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
// Cold load in chunks of borrower ids (index ranges), each chunk ONE row of binary columns: no
// per-borrower objects in Node. The first chunk's snapshot gives the version (see ColumnsSource);
// Borrower's static columns come separately (no join; they never change).
const CHUNK_IDS = 1_000_000;
const STATE_CHUNK_SQL = `${VERSION_CTE}
  SELECT (SELECT v FROM pv) AS v, (SELECT coalesce(max("borrowerId"), 0) FROM "BorrowerState") AS "maxId",
    count(*)::int AS n, max(s."month") AS month,
    string_agg(int4send(s."borrowerId"), ''::bytea) AS id, string_agg(int4send(s."limit"), ''::bytea) AS "limit",
    string_agg(int4send(s."balance"), ''::bytea) AS balance, string_agg(int2send(s."score"::int2), ''::bytea) AS score,
    string_agg(int2send(s."monthsSinceDelay"::int2), ''::bytea) AS msd, string_agg(float8send(s."pd"), ''::bytea) AS pd
  FROM "BorrowerState" s WHERE s."borrowerId" > $1::int AND s."borrowerId" <= $2::int`;
const STATIC_CHUNK_SQL = `
  SELECT count(*)::int AS n, string_agg(int4send("id"), ''::bytea) AS id, string_agg(int2send("outcome"::int2), ''::bytea) AS outcome,
    string_agg(int2send("sex"::int2), ''::bytea) AS sex, string_agg(int2send("age"::int2), ''::bytea) AS age
  FROM "Borrower" WHERE "id" > $1::int AND "id" <= $2::int`;
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
      type StateChunk = BinaryChunk & { v: number; maxId: number; month: string | null };
      const chunk = (after: number, upTo: number) => sql.query<StateChunk>(STATE_CHUNK_SQL, [after, upTo]).then((r) => r[0]);
      // Chunks start at the smallest id (the scale portfolio's ids start at 100,000,001); the first
      // one is open below, so a row inserted before its snapshot with a smaller id is not missed.
      const [{ lo }] = await sql.query<{ lo: number }>(`SELECT coalesce(min("borrowerId") - 1, 0)::int AS lo FROM "BorrowerState"`);
      const statics = (maxId: number) =>
        Promise.all(Array.from({ length: Math.ceil((maxId - lo) / CHUNK_IDS) }, (_, k) =>
          sql.query<StaticChunk>(STATIC_CHUNK_SQL, [k === 0 ? -2_147_483_648 : lo + k * CHUNK_IDS, lo + (k + 1) * CHUNK_IDS]).then((r) => r[0])));
      const first = await chunk(-2_147_483_648, lo + CHUNK_IDS);
      const [version, maxId] = [Number(first.v), Number(first.maxId)];
      // The static columns load on a second connection while the state chunks arrive (they never change).
      const staticLoad = statics(maxId);
      staticLoad.catch(() => undefined); // awaited below; no unhandled rejection while the state loads
      // The other state chunks two at a time (2 cores; each is one backend's aggregate), in id order.
      const starts: number[] = [];
      for (let from = lo + CHUNK_IDS; from < maxId; from += CHUNK_IDS) starts.push(from);
      const rest: StateChunk[] = new Array(starts.length);
      let next = 0;
      const lane = async () => {
        while (next < starts.length) {
          const k = next++;
          rest[k] = await chunk(starts[k], starts[k] + CHUNK_IDS);
        }
      };
      await Promise.all([lane(), lane()]);
      const chunks: StateChunk[] = [first, ...rest];
      const month = chunks.reduce((m, c) => (c.month && c.month > m ? c.month : m), "");
      const columns = columnsFromChunks(chunks.filter((c) => c.n), month);
      const index = indexColumns(columns);
      // A borrower inserted between the two snapshots: read its static columns again, after the state.
      // Id ranges without borrowers come back as empty chunks whose columns are NULL: skip them, as
      // the state chunks are skipped.
      const nonEmpty = (cs: StaticChunk[]) => cs.filter((c) => c.n);
      if (applyStaticChunks(columns, index, nonEmpty(await staticLoad)) < columns.n) applyStaticChunks(columns, index, nonEmpty(await statics(maxId)));
      return { version, columns, index };
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
