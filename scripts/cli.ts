// The one way a CLI reaches the database: getDb() connects to the running embedded server (when
// `npm start` or another CLI runs it), or starts it and stops it again at the end; DATABASE_URL
// selects an external server instead. Errors print as one line; Ctrl-C still stops what we started.
import { closeDb, getDb } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";

/** Runs `main` with the database; its return value (or 2 on an error) becomes the exit code. */
export async function runCli(main: (db: Database) => Promise<number | void>): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void closeDb().finally(() => process.exit(130)));
  }
  try {
    process.exitCode = (await main(await getDb())) ?? 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode ||= 2;
  } finally {
    await closeDb().catch((err) => console.error(err instanceof Error ? err.message : err));
  }
}
