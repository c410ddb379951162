// Opens a fresh, empty database for one test file: a new database on the embedded server the
// `db:embedded` project started (tests/setup/embedded-pg.ts), or on the PostgreSQL server at
// TEST_PG_URL (`db:postgres`), dropped afterwards. Nothing is mocked.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/lib/db/connect";
import { closeDb, installDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

export const backend = process.env.TEST_DB === "postgres" ? "postgres" : "embedded";
/** A superuser URL of the server the tests run on. */
export const TEST_PG_URL =
  backend === "embedded" ? inject("embeddedPgAdminUrl") : (process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");

export type TestDb = Database & { drop(): Promise<void> };

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function openEmptyDb(): Promise<TestDb> {
  const name = `limitdesk_test_${randomBytes(6).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  return Object.assign(db, {
    drop: async () => {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  });
}

/** A migrated database installed as the app's database (what data.ts/mutations.ts use). */
export async function openAppDb(): Promise<TestDb> {
  const db = await openEmptyDb();
  await applyMigrations(db.sql);
  installDatabase(db);
  return db;
}

export async function closeAppDb(db: TestDb) {
  await closeDb().catch(() => undefined);
  await db.drop();
}

/** Borrowers that have a PENDING adjustment (Adjustment."pendingBorrowerId"), for `borrowerId: { notIn }` filters. */
export async function pendingBorrowerIds(): Promise<number[]> {
  const { getPrisma } = await import("@/lib/db/client");
  const rows = await (await getPrisma()).adjustment.findMany({ where: { pendingBorrowerId: { not: null } }, select: { pendingBorrowerId: true } });
  return rows.map((r) => r.pendingBorrowerId!);
}
