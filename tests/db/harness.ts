// Opens a fresh, empty database for one test file: an in-memory PGlite, or a new database on
// the PostgreSQL server that is dropped afterwards. Nothing is mocked.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/connect";
import { closeDb, installDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

export const TEST_PG_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const backend = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";

export type TestDb = Database & { url?: string; drop(): Promise<void> };

export async function openEmptyDb(): Promise<TestDb> {
  if (backend === "pglite") {
    process.env.PGLITE_DIR = "memory://";
    const db = await openDatabase(undefined);
    return Object.assign(db, { drop: () => db.close() });
  }
  const name = `limitdesk_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  return Object.assign(db, {
    url: url.toString(),
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
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
