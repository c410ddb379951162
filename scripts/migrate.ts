// `npm run db:migrate`: applies pending migrations to DATABASE_URL (PostgreSQL) or PGlite.
import { getDb, closeDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

try {
  const db = await getDb();
  const applied = await applyMigrations(db.sql);
  console.log(`${db.kind} at ${db.location}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await closeDb();
}
