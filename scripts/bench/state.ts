/**
 * The preview columns against a real PostgreSQL database: cold load from BorrowerState, and the
 * next preview after N approvals (each a real proposal + approval through the mutations, so the
 * delta the cache reads is exactly what approvals write). 30 k = the real seed; larger sizes add
 * synthetic borrowers copied from the real ones in SQL (labelled bench data, dropped afterwards).
 * BENCH_PG_URL (default the machine's PostgreSQL) names the server; a fresh database is used.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "@/lib/db/connect";
import { closeDb, installDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { dbColumnsSource } from "@/features/policy/data";
import { PortfolioColumnsCache } from "@/features/policy/preview/columns-cache";
import { previewPolicy } from "@/features/policy/preview/preview";
import { decideAdjustment, proposeManual } from "@/features/adjustments/mutations";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { BENCH_POLICIES } from "./policies";
import { migrateAndSeed } from "../seed-lib";
import { medianMs, peakRssMb, timedMs } from "./timing";

const BENCH_PG_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export type StateRow = { size: number; what: string; ms: number; rows: number; rss: number };

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: BENCH_PG_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

/** Grows the seeded 30 k portfolio to `size` borrowers by copying real rows (ids 30,001…). */
async function growTo(db: Awaited<ReturnType<typeof openDatabase>>, size: number) {
  const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "BorrowerState"`);
  if (n >= size) return;
  const pick = `1 + (g::bigint * 7919) % ${n}`; // a fixed spread over the real borrowers
  await db.sql.exec(`
    INSERT INTO "Borrower" ("id", "sex", "education", "marriage", "age", "outcome")
      SELECT g, b."sex", b."education", b."marriage", b."age", b."outcome" FROM generate_series(${n + 1}, ${size}) g JOIN "Borrower" b ON b."id" = ${pick};
    INSERT INTO "BorrowerState" ("borrowerId", "limit", "balance", "utilization", "month", "score", "pd", "tier", "previousTier", "tierChange",
      "tierChangeCause", "reasonCodes", "monthsSinceDelay", "version")
      SELECT g, s."limit", s."balance", s."utilization", s."month", s."score", s."pd", s."tier", s."previousTier", s."tierChange",
        s."tierChangeCause", s."reasonCodes", s."monthsSinceDelay", s."version"
      FROM generate_series(${n + 1}, ${size}) g JOIN "BorrowerState" s ON s."borrowerId" = ${pick};
    ANALYZE "Borrower"; ANALYZE "BorrowerState";`);
}

export async function benchState(sizes: number[], log: (line: string) => void, approvalCounts = [1, 1_000]): Promise<StateRow[]> {
  const name = `limitdesk_bench_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_PG_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  const out: StateRow[] = [];
  try {
    await applyMigrations(db.sql);
    installDatabase(db);
    await migrateAndSeed({ log: () => undefined });
    const users = Object.fromEntries((await db.prisma.user.findMany()).map((u) => [u.email.split("@")[0], { id: u.id, email: u.email }]));
    let nextId = 1;
    for (const size of sizes) {
      const grow = await timedMs(() => growTo(db, size));
      log(`state bench: ${size.toLocaleString("en-US")} borrowers in the database (${(grow.ms / 1000).toFixed(1)} s to add synthetic rows)`);
      const cold = await medianMs(async () => {
        const cache = new PortfolioColumnsCache(dbColumnsSource());
        const cols = await cache.get();
        return { cache, cols };
      }, 3, 1);
      out.push({ size, what: "cold load from BorrowerState", ms: cold.ms, rows: cold.result.cols.n, rss: peakRssMb() });
      log(`state bench: ${size} cold load ${cold.ms.toFixed(0)} ms`);
      const { cache } = cold.result;
      const draft = BENCH_POLICIES.find((p) => p.name !== "default")?.policy ?? DEFAULT_POLICY;
      const warm = await medianMs(async () => previewPolicy(await cache.get(), DEFAULT_POLICY, draft), 5);
      out.push({ size, what: "warm preview (no changes)", ms: warm.ms, rows: cache.last?.rows ?? 0, rss: peakRssMb() });
      for (const n of approvalCounts) {
        const approvals = await timedMs(async () => {
          const targets = await db.sql.query<{ borrowerId: number; limit: number }>(
            `SELECT s."borrowerId", s."limit" FROM "BorrowerState" s WHERE s."borrowerId" >= $1
             AND NOT EXISTS (SELECT 1 FROM "Adjustment" a WHERE a."pendingBorrowerId" = s."borrowerId") ORDER BY s."borrowerId" LIMIT $2`, [nextId, n]);
          for (const t of targets) {
            const adj = await proposeManual({ borrowerId: t.borrowerId, newLimit: t.limit + 1000, reason: "Benchmark: a small increase" }, { actor: users.analyst });
            await decideAdjustment(adj.id, "APPROVE", undefined, { actor: users.manager });
            nextId = t.borrowerId + 1;
          }
        });
        const after = await timedMs(async () => previewPolicy(await cache.get(), DEFAULT_POLICY, draft));
        out.push({ size, what: `preview after ${n.toLocaleString("en-US")} approval(s)`, ms: after.ms, rows: cache.last?.rows ?? 0, rss: peakRssMb() });
        log(`state bench: ${size} ${n} approvals in ${(approvals.ms / 1000).toFixed(1)} s; next preview ${after.ms.toFixed(1)} ms (delta ${cache.last?.rows} rows, ${cache.last?.ms.toFixed(1)} ms)`);
      }
    }
  } finally {
    await closeDb().catch(() => undefined);
    await db.close().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return out;
}
