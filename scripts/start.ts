// `npm start`: migrate and seed the database if needed, build once, then serve on PORT (3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { authSecret } from "@/lib/env";
import { peerAddressPreload } from "@/lib/client-address";
import { closeDb } from "@/lib/db/client";
import { migrateAndSeed } from "./seed-lib";

const port = process.env.PORT ?? "3000";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

try {
  (process.env as Record<string, string>).NODE_ENV = "production";
  authSecret(); // fail before doing any work when the secret is unsafe
  await migrateAndSeed();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
} finally {
  await closeDb(); // PGlite allows one process per folder: the server opens it next
}

if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.log("No production build yet: running `next build` (once)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [...peerAddressPreload(), nextBin, "start", "-p", port], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
