// `npm run db:stop`: stops the embedded server of LIMITDESK_PG_DIR (default .data/pg) if it runs,
// e.g. one left running by `npm run dev` or a killed process. Open transactions are rolled back.
import { embeddedDir, readPidFile } from "@/lib/db/embedded-config";
import { stopPostmaster } from "@/lib/db/embedded";

const dir = embeddedDir();
const pid = readPidFile(dir)?.pid;
try {
  await stopPostmaster(dir);
  console.log(pid ? `Embedded PostgreSQL on ${dir} stopped.` : `No embedded PostgreSQL runs on ${dir}.`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
