// A second app server (`next start` from the same build) on the e2e run's database: two instances
// of Limit Desk on one PostgreSQL, as a deployment with several app servers runs them.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import { loginAs, type Role } from "./fixtures";
import { E2E_PG_DIR } from "./db";
import { connectionUrl, readConfig, readPidFile } from "../lib/db/embedded-config";

export const embedded = !process.env.DATABASE_URL;

/** The URL the e2e server's database answers on (what `npm start` handed to Next). */
export function databaseUrl(): string {
  if (!embedded) return process.env.DATABASE_URL!;
  const dir = path.resolve(E2E_PG_DIR);
  return connectionUrl(readConfig(dir)!, readPidFile(dir)!.port);
}

export function startServer(port: number): ChildProcess {
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  return spawn(process.execPath, [next, "start", "-p", String(port)], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: `http://127.0.0.1:${port}`, DATABASE_URL: databaseUrl() },
  });
}

export async function waitForLogin(port: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${port} did not answer /login within 60 s`);
}

/** A signed-in API client of the given server (its own origin, as a browser on that server sends). */
export async function apiAs(browser: Browser, role: Role, baseURL?: string): Promise<APIRequestContext> {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  await loginAs(page, role);
  if (baseURL) await context.setExtraHTTPHeaders({ origin: new URL(baseURL).origin });
  return page.request;
}
