// Starts the app for the e2e run exactly as `npm start` does, on a fresh embedded PostgreSQL
// folder (LIMITDESK_PG_DIR) or on DATABASE_URL when it names a PostgreSQL server (which the
// caller prepares). A server left running on the folder by an aborted run is stopped first.
import { rmSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";

const dir = process.env.LIMITDESK_PG_DIR;
if (process.env.E2E_FRESH_DB === "1" && dir && !process.env.DATABASE_URL) {
  const stop = spawnSync("npm", ["run", "--silent", "db:stop"], { stdio: "inherit", env: process.env });
  if (stop.status !== 0) process.exit(stop.status ?? 1);
  rmSync(dir, { recursive: true, force: true });
}
const child = spawn("npm", ["start"], { stdio: "inherit", env: process.env });
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => child.kill(s));
child.on("exit", (code) => process.exit(code ?? 0));
