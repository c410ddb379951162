import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { listBorrowers, getBorrower } from "@/features/borrowers/data";
import { getOverview } from "@/features/overview/data";
import { auditChain } from "@/features/audit/data";
import { verifyChain } from "@/features/audit/chain";
import { borrowerListQuerySchema } from "@/features/borrowers/schema";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const quiet = () => undefined;
const query = (q: Record<string, string>) => borrowerListQuerySchema.parse(q);

describe(`seed of the real portfolio on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
  });
  afterAll(async () => closeAppDb(db));

  it("imports nothing from a file with bad rows and reports each one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "limitdesk-"));
    const file = path.join(dir, "bad.csv");
    const good = `1,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1`;
    writeFileSync(
      file,
      [
        `"ID","LIMIT_BAL","SEX","EDUCATION","MARRIAGE","AGE","PAY_0","PAY_2","PAY_3","PAY_4","PAY_5","PAY_6","BILL_AMT1","BILL_AMT2","BILL_AMT3","BILL_AMT4","BILL_AMT5","BILL_AMT6","PAY_AMT1","PAY_AMT2","PAY_AMT3","PAY_AMT4","PAY_AMT5","PAY_AMT6","default.payment.next.month"`,
        good,
        `2,abc,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1`,
        `3,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,7`,
      ].join("\n"),
    );
    await expect(migrateAndSeed({ csvPath: file, log: quiet })).rejects.toThrow(/line 3, column LIMIT_BAL[\s\S]*line 4, column default\.payment\.next\.month/);
    expect(await (await getPrisma()).borrower.count()).toBe(0);
    await expect(migrateAndSeed({ csvPath: path.join(dir, "missing.csv"), log: quiet })).rejects.toThrow(/LIMITDESK_DATA_CSV/);
  });

  it("seeds 30,000 borrowers, 6 statements and 4 scores each, once", async () => {
    const first = await migrateAndSeed({ log: quiet });
    expect(first.seeded).toBe(true);
    const prisma = await getPrisma();
    expect(await prisma.borrower.count()).toBe(30000);
    expect(await prisma.statement.count()).toBe(180000);
    expect(await prisma.score.count()).toBe(120000);
    expect(await prisma.user.count()).toBe(6);
    expect(await prisma.policy.count({ where: { status: "ACTIVE" } })).toBe(1);
    expect(await prisma.borrower.count({ where: { outcome: 1 } })).toBe(6636);
    const again = await migrateAndSeed({ log: quiet });
    expect(again.seeded).toBe(false);
    expect(await prisma.borrower.count()).toBe(30000);
    expect(await prisma.user.count()).toBe(6);
  });

  it("serves consistent list, detail and overview figures", async () => {
    const all = await listBorrowers(query({}));
    expect(all.total).toBe(30000);
    expect(all.month).toBe("2005-09");
    const overview = await getOverview();
    const { LOW, MEDIUM, HIGH } = overview.tierMix;
    expect(LOW + MEDIUM + HIGH).toBe(30000);
    for (const tier of ["LOW", "MEDIUM", "HIGH"] as const) {
      expect((await listBorrowers(query({ tier }))).total).toBe(overview.tierMix[tier]);
    }
    expect((await listBorrowers(query({ changed: "up" }))).total).toBe(overview.tierChanges.up);
    expect(overview.histogram.reduce((s, b) => s + b.good + b.bad, 0)).toBe(30000);
    expect(overview.histogram.reduce((s, b) => s + b.bad, 0)).toBe(6636);
    expect(overview.tiersByMonth.map((m) => m.month)).toEqual(["2005-06", "2005-07", "2005-08", "2005-09"]);
    const b = await getBorrower(1);
    expect(b?.history).toHaveLength(6);
    expect(b?.reasonCodes.length).toBeGreaterThan(0);
    expect(await getBorrower(999999)).toBeNull();
  });

  it("leaves an intact audit chain", async () => {
    const { checked, broken } = await verifyChain(auditChain());
    expect(broken).toBeNull();
    // Every event is checked, not "enough" of them.
    expect(checked).toBe(await (await getPrisma()).auditEvent.count());
  });
});
