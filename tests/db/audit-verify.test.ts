import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/connect";
import { closeDb, installDatabase } from "@/lib/db/client";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { backend, openEmptyDb, type TestDb } from "./harness";

const run = promisify(execFile);

/** Runs `npm run audit:verify` against this database; resolves with its exit code and output. */
async function verify(env: Record<string, string>) {
  try {
    const { stdout } = await run("npm", ["run", "--silent", "audit:verify"], { env: { ...process.env, ...env } });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe(`npm run audit:verify on ${backend}`, () => {
  let env: Record<string, string>;
  let pg: TestDb;
  beforeAll(async () => {
    pg = await openEmptyDb();
    env = { DATABASE_URL: pg.url };
    installDatabase(pg);
    await migrateAndSeed({ limitRows: 100, log: () => undefined });
    await closeDb().catch(() => undefined);
  });
  afterAll(async () => pg?.drop());

  async function tamper(sql: string) {
    const db = await openDatabase(env.DATABASE_URL);
    await db.sql.exec(sql);
    await db.close();
  }

  it("passes on an intact chain and fails naming the first edited event", async () => {
    const ok = await verify(env);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Audit chain intact: \d+ events verified/);
    await tamper(`UPDATE "AuditEvent" SET "after" = '{"role":"ADMIN"}' WHERE "seq" = 3`);
    const broken = await verify(env);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain("BROKEN at event #3");
  });
});
