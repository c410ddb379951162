// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded server.
import { applyMigrations } from "@/lib/db/migrate";
import { runCli } from "./cli";

await runCli(async (db) => {
  const applied = await applyMigrations(db.sql);
  console.log(`${db.kind} at ${db.location}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
});
