// Issue 9 §13: SEX, AGE, MARRIAGE and EDUCATION per borrower only for ADMIN and AUDITOR;
// never in the list or the CSV export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { allBorrowers, getBorrower, listBorrowers, protectedAttributesFor } from "@/features/borrowers/data";
import { borrowersCsv } from "@/features/borrowers/csv";
import { borrowerListQuerySchema } from "@/features/borrowers/schema";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const PROTECTED = /\b(sex|age|marriage|education)\b/i;

describe(`protected attributes on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 50, log: () => undefined });
  });
  afterAll(async () => closeAppDb(db));

  it("gives one borrower's values to ADMIN and AUDITOR only", async () => {
    // Borrower 1 of the UCI file: SEX 2, EDUCATION 2, MARRIAGE 1, AGE 24.
    for (const role of ["ADMIN", "AUDITOR"]) {
      expect(await protectedAttributesFor({ role }, 1), role).toEqual({ sex: 2, education: 2, marriage: 1, age: 24 });
    }
    for (const role of ["ANALYST", "MANAGER"]) expect(await protectedAttributesFor({ role }, 1), role).toBeNull();
    expect(await protectedAttributesFor({ role: "ADMIN", scope: "limit-changes:read" }, 1)).toBeNull();
  });

  it("keeps them out of the borrower detail, the list and the CSV export", async () => {
    expect(Object.keys((await getBorrower(1))!).filter((k) => PROTECTED.test(k))).toEqual([]);
    const q = borrowerListQuerySchema.parse({});
    expect(Object.keys((await listBorrowers(q)).items[0]).filter((k) => PROTECTED.test(k))).toEqual([]);
    const header = borrowersCsv(await allBorrowers(q)).split("\n")[0];
    expect(header).toBe("id,month,score,pd,tier,previousTier,tierChangeCause,limit,balance,utilization,availableCredit");
  });
});
