// The preview columns' stored snapshot (issue 8: a cold preview at 10 M was 39 s of PostgreSQL
// producing rows): a second app process reads it and catches up by version, to exactly the columns a
// full load gives; an outcomes file (which rewrites Borrower.outcome, no state version) retires it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { dbColumnsSource } from "@/features/policy/data";
import { PortfolioColumnsCache } from "@/features/policy/preview/columns-cache";
import type { PortfolioColumns } from "@/features/policy/preview/columns";
import { setLimit } from "@/features/limit-changes/mutations";
import { applyImport, receiveImport } from "@/features/imports/mutations";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const ARRAYS = ["id", "score", "pd", "limit", "balance", "monthsSinceDelay", "outcome", "sex", "ageBand"] as const;
const valuesOf = (c: PortfolioColumns) => [c.n, c.month, ...ARRAYS.map((a) => [...c[a]])];
/** What a process with no snapshot store loads: the full COPY load, as before snapshots. */
const fullLoad = async () => valuesOf(await new PortfolioColumnsCache({ ...dbColumnsSource(), snapshot: undefined }).get());

describe(`the preview columns' stored snapshot on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 1500, log: () => undefined });
  });
  afterAll(async () => closeAppDb(db));

  it("is stored after a full load and read back by the next process, which catches up the changes since", async () => {
    const first = new PortfolioColumnsCache(dbColumnsSource());
    await first.get();
    expect(first.last?.kind).toBe("cold");
    expect(await first.saved).toBe(true);
    const prisma = await getPrisma();
    expect(await prisma.previewColumnsSnapshot.count()).toBe(1); // 1,500 borrowers: one chunk

    const [a, b] = await prisma.borrowerState.findMany({ orderBy: { borrowerId: "asc" }, take: 2 });
    await prisma.$transaction(async (tx) => {
      for (const s of [a, b]) await setLimit(tx, { borrowerId: s.borrowerId, from: s.limit, to: s.limit + 10_000, cause: "APPROVAL", limitChangeId: null, ctx: { actor: null } });
    });
    const second = new PortfolioColumnsCache(dbColumnsSource());
    const cols = await second.get();
    expect(second.last).toMatchObject({ kind: "snapshot", rows: 2 });
    expect(valuesOf(cols)).toEqual(await fullLoad());
    expect(cols.limit[cols.id.indexOf(a.borrowerId)]).toBe(a.limit + 10_000);
    expect(await second.saved).toBe(false); // 2 of 1,500 changed: the stored one is still good enough
  });

  it("is not used after an outcomes file: the next process loads in full and stores a new one", async () => {
    const prisma = await getPrisma();
    const [{ id, outcome }] = await prisma.borrower.findMany({ orderBy: { id: "asc" }, take: 1 });
    const warm = new PortfolioColumnsCache(dbColumnsSource());
    await warm.get();
    const file = await receiveImport({ content: Buffer.from(`borrower_id,month,defaulted\n${id},2005-10,${1 - outcome}\n`), source: "api", actor: { id: null, email: "admin@example.com" } });
    expect((await applyImport(file.id)).status).toBe("SUCCEEDED");

    const cold = new PortfolioColumnsCache(dbColumnsSource());
    const cols = await cold.get();
    expect(cold.last?.kind).toBe("cold");
    expect(cols.outcome[cols.id.indexOf(id)]).toBe(1 - outcome);
    expect(await cold.saved).toBe(true);
    const reloaded = await warm.get(); // a running process reloads too
    expect(reloaded.outcome[reloaded.id.indexOf(id)]).toBe(1 - outcome);
    expect(warm.last?.kind).toBe("cold");
    expect(valuesOf(await new PortfolioColumnsCache(dbColumnsSource()).get())).toEqual(await fullLoad());
  });
});
