// One write path for limits: only setLimit / setLimits (features/limit-changes/mutations.ts) may change a
// borrower's current limit. This scans the sources for any other write of the limit column.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WRITE_PATH = "features/limit-changes/mutations.ts";

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path.relative(ROOT, full));
  }
  return out;
}

/** Places in `text` that write BorrowerState's limit: a SQL UPDATE setting "limit", or a Prisma update with `limit:`. */
export function limitWrites(text: string): string[] {
  const sql = [...text.matchAll(/UPDATE\s+"BorrowerState"[^;`]*?\bSET\b[^;`]*?"limit"\s*=/gi)].map((m) => m[0]);
  const prisma = [...text.matchAll(/borrowerState\s*\.\s*(update|updateMany|upsert)\s*\(([\s\S]{0,400}?)\)\s*;?/g)]
    .filter((m) => /\blimit\s*:/.test(m[2]))
    .map((m) => m[0]);
  return [...sql, ...prisma];
}

describe("the one write path for limits", () => {
  it("recognises both kinds of limit write", () => {
    expect(limitWrites(`await tx.$executeRaw\`UPDATE "BorrowerState" SET "limit" = \${x} WHERE 1\``)).toHaveLength(1);
    expect(limitWrites(`await tx.borrowerState.update({ where: { borrowerId }, data: { limit: 5 } });`)).toHaveLength(1);
    expect(limitWrites(`await tx.borrowerState.update({ where: { borrowerId }, data: { tier: "LOW" } });`)).toHaveLength(0);
  });

  it("finds limit writes only in setLimit's file", () => {
    const offenders = ["app", "features", "lib", "scripts"]
      .flatMap((d) => sources(path.join(ROOT, d)))
      .filter((f) => f !== WRITE_PATH && limitWrites(readFileSync(path.join(ROOT, f), "utf8")).length > 0);
    expect(offenders).toEqual([]);
    // setLimit and its set-based sibling setLimits, both in this one file.
    expect(limitWrites(readFileSync(path.join(ROOT, WRITE_PATH), "utf8"))).toHaveLength(2);
  });
});
