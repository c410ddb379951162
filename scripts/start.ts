// `npm start`: start the embedded PostgreSQL (unless DATABASE_URL names a server), migrate, seed if
// empty, build once, then serve on PORT (3000). The server processes get DATABASE_URL; on SIGINT/
// SIGTERM they are stopped first, then PostgreSQL (cleanly, if this process started it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { authSecret } from "@/lib/env";
import { peerAddressPreload } from "@/lib/client-address";
import { closeDb } from "@/lib/db/client";
import { isServerUrl } from "@/lib/db/connect";
import { ensureEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded";
import { migrateAndSeed } from "./seed-lib";

const port = process.env.PORT ?? "3000";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
let database: EmbeddedServer | null = null;
const children: ChildProcess[] = [];

// Registered first: Ctrl-C during migrate/seed/build also stops what this process started (an
// interrupted seed is one transaction, rolled back).
let stopping = false;
async function shutdown(signal: NodeJS.Signals | null, code: number) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of alive) c.kill(signal ?? "SIGTERM");
  await Promise.all(alive.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once("exit", r)))));
  if (database?.owned) {
    await database.release();
    console.log("Embedded PostgreSQL stopped.");
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal, 0));

try {
  (process.env as Record<string, string>).NODE_ENV = "production";
  authSecret(); // fail before doing any work when the secret is unsafe
  if (!isServerUrl(process.env.DATABASE_URL)) {
    database = await ensureEmbeddedServer({ log: (l) => console.log(l) });
    if (!database.owned) console.log(`Using the embedded PostgreSQL already running on ${database.dir} (port ${database.port}).`);
    process.env.DATABASE_URL = database.url; // this process's pool and every child use it
    process.env.LIMITDESK_PG_EMBEDDED = "1";
  }
  await migrateAndSeed();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await database?.release();
  process.exit(1);
} finally {
  await closeDb(); // our pool only; the server keeps running for Next
}

if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.log("No production build yet: running `next build` (once)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) {
    await database?.release();
    process.exit(build.status ?? 1);
  }
}

children.push(spawn(process.execPath, [...peerAddressPreload(), nextBin, "start", "-p", port], { stdio: "inherit", env: process.env }));
// JOB WORKER: start the job worker process here, next to Next, with the same env (DATABASE_URL is
// the database's real URL), e.g. children.push(spawn(process.execPath, [tsx, "scripts/worker.ts"], …)).
// Everything in `children` is stopped before PostgreSQL.

// One server process ending ends the whole app: the others are stopped, then the database.
for (const c of children) c.on("exit", (code) => void shutdown(null, code ?? 1));
