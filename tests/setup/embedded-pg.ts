// Vitest globalSetup of the `db:embedded` project: ONE embedded PostgreSQL in a temporary folder
// for the whole run (each test file creates its own database on it, tests/db/harness.ts).
// Port: TEST_EMBEDDED_PG_PORT, default 55430. fsync and synchronous commit off: a test server need
// not survive a crash.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { connectionUrl, readConfig } from "@/lib/db/embedded-config";
import { ensureEmbeddedServer } from "@/lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    embeddedPgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const parent = mkdtempSync(path.join(tmpdir(), "limitdesk-test-pg-"));
  chmodSync(parent, 0o755); // as root, the server runs as `postgres` and must enter the folder
  const dir = path.join(parent, "data");
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 55430);
  const server = await ensureEmbeddedServer({ dir, port, fsync: false });
  project.provide("embeddedPgAdminUrl", connectionUrl(readConfig(dir)!, server.port, "postgres"));
  return async () => {
    await server.release();
    rmSync(parent, { recursive: true, force: true });
  };
}
