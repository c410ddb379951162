// Starts the app for the e2e run exactly as `npm start` does, on a fresh embedded database
// (or on DATABASE_URL when it names a PostgreSQL server, which the caller prepares).
import { rmSync } from "node:fs";
import { spawn } from "node:child_process";

if (process.env.E2E_FRESH_DB === "1" && process.env.PGLITE_DIR && !process.env.DATABASE_URL) {
  rmSync(process.env.PGLITE_DIR, { recursive: true, force: true });
}
const child = spawn("npm", ["start"], { stdio: "inherit", env: process.env });
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => child.kill(s));
child.on("exit", (code) => process.exit(code ?? 0));
