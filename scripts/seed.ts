// `npm run db:seed`: migrate and seed without starting the server.
import { closeDb } from "@/lib/db/client";
import { migrateAndSeed } from "./seed-lib";

try {
  await migrateAndSeed();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await closeDb();
}
