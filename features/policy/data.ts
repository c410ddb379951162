import "server-only";
import { getDb, getPrisma } from "@/lib/db/client";
import type { Policy } from "@/generated/prisma/client";
import type { PolicyConfig, PolicyView } from "./schema";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { PortfolioColumns } from "./preview/columns";
import { PortfolioColumnsCache, type ColumnRow, type ColumnsSource } from "./preview/columns-cache";
import { CopyBinaryDecoder, type CopyField } from "./preview/copy-binary";
import { OUTCOMES_STAMP_SQL, readColumnsSnapshot } from "@/features/preview-columns/data";
import { saveColumnsSnapshot } from "@/features/preview-columns/mutations";
import {
  allocateStateChunk, allocateStaticChunk, applyStaticChunks, columnsFromChunks, indexColumns, staticFields, stateFields,
} from "./preview/column-chunks";

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
const VERSION_CTE = `WITH pv AS (SELECT coalesce((SELECT "version" FROM "PortfolioVersion" WHERE "id" = 1), 0)::float8 AS v, ${OUTCOMES_STAMP_SQL} AS stamp)`;
// Cold load: binary COPY of narrow projections in chunks of borrower ids (index ranges), each
// decoded straight into typed arrays (preview/copy-binary.ts; no per-row objects, no text, no JSON),
// several chunks at once over separate connections (PostgreSQL then uses both cores). All of them
// read ONE snapshot, exported by the first connection (pg_export_snapshot, as pg_dump --jobs does):
// the version, the id range, the state and Borrower's static columns all agree.
const CHUNK_IDS = 262_144; // 5.8 MB of state arrays per chunk; 39 chunks at 10 M
const LANES = 3; // connections copying at once: 2 cores for PostgreSQL, Node decodes in between
const LEAD_SQL = `${VERSION_CTE}
  SELECT pg_export_snapshot() AS snapshot, (SELECT v FROM pv) AS v, (SELECT stamp FROM pv) AS stamp, coalesce(min("borrowerId") - 1, 0)::int AS lo,
    coalesce(max("borrowerId"), 0)::int AS hi, coalesce(max("month"), '') AS month FROM "BorrowerState"`;
// Ids interpolated: COPY takes no parameters; both bounds are integers computed here.
const STATE_COPY_SQL = (after: number, upTo: number) => `COPY (SELECT "borrowerId", "limit", "balance", "score"::int2, "monthsSinceDelay"::int2, "pd"
  FROM "BorrowerState" WHERE "borrowerId" > ${after} AND "borrowerId" <= ${upTo}) TO STDOUT (FORMAT binary)`;
const STATIC_COPY_SQL = (after: number, upTo: number) => `COPY (SELECT "id", "outcome"::int2, "sex"::int2, "age"::int2
  FROM "Borrower" WHERE "id" > ${after} AND "id" <= ${upTo}) TO STDOUT (FORMAT binary)`;

/** Streams one binary COPY into the decoder's typed arrays; returns the rows decoded. */
async function copyInto(client: pg.PoolClient, sql: string, fields: CopyField[]): Promise<number> {
  const decoder = new CopyBinaryDecoder(fields);
  for await (const piece of client.query(copyTo(sql))) decoder.push(piece as Buffer);
  return decoder.finish();
}

async function coldLoad(pool: pg.Pool) {
  const clients: pg.PoolClient[] = [];
  const begin = async () => {
    const c = await pool.connect();
    clients.push(c);
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return c;
  };
  try {
    const lead = await begin();
    const [{ snapshot, v, stamp, lo, hi, month }] = (await lead.query<{ snapshot: string; v: number; stamp: number; lo: number; hi: number; month: string }>(LEAD_SQL)).rows;
    const ranges = Array.from({ length: Math.ceil((hi - lo) / CHUNK_IDS) }, (_, k) => [lo + k * CHUNK_IDS, Math.min(lo + (k + 1) * CHUNK_IDS, hi)]);
    const states = ranges.map(([after, upTo]) => allocateStateChunk(upTo - after));
    const statics = ranges.map(([after, upTo]) => allocateStaticChunk(upTo - after));
    // Tasks in id order, a state chunk then its static chunk; each lane takes the next one.
    const tasks = ranges.flatMap(([after, upTo], k) => [
      async (c: pg.PoolClient) => void (states[k].n = await copyInto(c, STATE_COPY_SQL(after, upTo), stateFields(states[k]))),
      async (c: pg.PoolClient) => void (statics[k].n = await copyInto(c, STATIC_COPY_SQL(after, upTo), staticFields(statics[k]))),
    ]);
    let next = 0;
    const lane = async (c: pg.PoolClient) => {
      while (next < tasks.length) await tasks[next++](c);
    };
    // Never more connections than the pool holds: the lead keeps its own while the others wait for theirs.
    const others = await Promise.all(Array.from({ length: Math.min(LANES, tasks.length, pool.options.max ?? LANES) - 1 }, async () => {
      const c = await begin();
      await c.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`); // a string PostgreSQL made, e.g. 00000003-0000001B-1
      return c;
    }));
    await Promise.all([lead, ...others].map(lane));
    const columns = columnsFromChunks(states.filter((c) => c.n), month);
    const index = indexColumns(columns);
    // Every state row has its Borrower row (foreign key) in the same snapshot.
    const placed = applyStaticChunks(columns, index, statics);
    if (placed !== columns.n) throw new Error(`Cold load: ${columns.n - placed} borrowers without their static columns.`);
    return { version: Number(v), stamp, columns, index };
  } finally {
    for (const c of clients) {
      await c.query("COMMIT").then(() => c.release(), (e: Error) => c.release(e));
    }
  }
}
const DELTA_SQL = `${VERSION_CTE}
  SELECT pv.v, pv.stamp, s."borrowerId" AS id, s."score", s."pd", s."limit", s."balance", s."monthsSinceDelay" AS msd, s."month"
  FROM pv LEFT JOIN "BorrowerState" s ON s."version" > $1`;

type DeltaRow = ColumnRow & { v: number; stamp: number; id: number | null };

/**
 * The preview columns' database source: narrow projections of BorrowerState (+ Borrower's static
 * columns), and the stored snapshot of the columns (features/preview-columns; the cache stores one
 * after a full load, a derived copy that only saves the next cold process the full load).
 */
export function dbColumnsSource(): ColumnsSource {
  const split = (rows: DeltaRow[]) => ({
    version: Number(rows[0]?.v ?? 0),
    stamp: rows[0]?.stamp ?? 0,
    rows: rows.filter((r) => r.id != null),
  });
  return {
    load: async () => coldLoad((await getDb()).pool),
    changesSince: async (version) => split(await (await getDb()).sql.query<DeltaRow>(DELTA_SQL, [version])),
    snapshot: { read: readColumnsSnapshot, save: saveColumnsSnapshot },
  };
}

const holder = globalThis as typeof globalThis & { __limitDeskColumns?: PortfolioColumnsCache };

/** Every borrower's current state as preview columns, brought up to date with the database first. */
export function getPortfolioColumns(): Promise<PortfolioColumns> {
  holder.__limitDeskColumns ??= new PortfolioColumnsCache(dbColumnsSource());
  return holder.__limitDeskColumns.get();
}

/**
 * Loads the columns and stores their snapshot, for a job after a month's import: the first preview
 * after a new month then reads the snapshot instead of the full load. A cache of its own, dropped
 * afterwards: a worker process keeps no columns.
 */
export async function storePreviewColumns(): Promise<boolean> {
  const cache = new PortfolioColumnsCache(dbColumnsSource());
  await cache.get();
  return cache.saved;
}
