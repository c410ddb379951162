import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { backend, openEmptyDb, type TestDb } from "./harness";

// A snapshot of everything a migration can create, to compare two databases structurally.
const CATALOG = `
  SELECT 'column' AS kind, table_name || '.' || column_name AS name,
         data_type || '/' || udt_name || '/' || is_nullable || '/' || coalesce(column_default, '') AS def
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%_prisma_migrations%'
  UNION ALL SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  ORDER BY 1, 2`;

describe(`migrations on ${backend}`, () => {
  let migrated: TestDb;
  let fromSchema: TestDb;
  beforeAll(async () => {
    migrated = await openEmptyDb();
    fromSchema = await openEmptyDb();
  });
  afterAll(async () => {
    await migrated?.drop();
    await fromSchema?.drop();
  });

  it("applies every migration once and records it as prisma migrate deploy does", async () => {
    const all = readMigrations();
    expect(await applyMigrations(migrated.sql)).toEqual(all.map((m) => m.name));
    expect(await applyMigrations(migrated.sql)).toEqual([]);
    const rows = await migrated.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(all.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(migrated.sql, edited)).rejects.toThrow(/edited after it was applied/);
  });

  it("matches prisma/schema.prisma exactly (schema and migrations have not drifted)", async () => {
    const script = execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // The CLI's JS schema engine wants a connection even for a diff: this test's scratch database.
      env: { ...process.env, DATABASE_URL: fromSchema.url },
    });
    await fromSchema.sql.exec(script);
    const [a, b] = await Promise.all([migrated.sql.query(CATALOG), fromSchema.sql.query(CATALOG)]);
    expect(a.length).toBeGreaterThan(20);
    expect(a).toEqual(b);
  });
});
