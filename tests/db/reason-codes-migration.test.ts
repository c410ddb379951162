// Issue 8: reason codes are stored as [code, pointsLost, variant?] tuples without their words. The
// migration rewrites rows an existing database wrote with the words, and keeps what they said.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { readReasons } from "@/features/scoring/reason-store";
import { backend, openEmptyDb, type TestDb } from "./harness";

const MIGRATION = "20261204100000_compact_reason_codes";

describe(`compact reason codes migration on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openEmptyDb();
  });
  afterAll(async () => db?.drop());

  it("turns every table's worded reasons into tuples that read back to the same words", async () => {
    const all = readMigrations();
    await applyMigrations(db.sql, all.filter((m) => m.name < MIGRATION));
    const adverse = { code: "RC01", text: "Latest payment was late", pointsLost: 41 };
    const otherSide = { code: "RC12", text: "Almost all of the credit line is unused", pointsLost: 9 };
    const positive = { code: "RC13", text: "Latest payment was substantial", pointsLost: null };
    const manual = { code: "RC03", text: "Late in several of the last 6 months", pointsLost: null };
    const worded = JSON.stringify([adverse, otherSide]);
    await db.sql.exec(`
      INSERT INTO "Borrower" ("id", "sex", "education", "marriage", "age", "outcome") VALUES (1, 1, 2, 1, 30, 0);
      INSERT INTO "Score" ("borrowerId", "month", "score", "pd", "tier", "tierChange", "limit", "balance", "utilization", "modelVersion", "reasonCodes") VALUES
        (1, '2005-08', 650, 0.2, 'MEDIUM', 0, 50000, 200, 0.004, 'm', '${worded}'), (1, '2005-09', 700, 0.1, 'LOW', 0, 50000, 200, 0.004, 'm', '[]');
      INSERT INTO "BorrowerState" ("borrowerId", "limit", "balance", "utilization", "month", "score", "pd", "tier", "reasonCodes", "monthsSinceDelay")
        VALUES (1, 50000, 200, 0.004, '2005-09', 650, 0.2, 'MEDIUM', '${worded}', 255);
      INSERT INTO "Adjustment" (id, "borrowerId", source, "oldLimit", "newLimit", delta, "reasonCodes", "proposedById", "proposedByEmail") VALUES
        ('a1', 1, 'MANUAL', 50000, 40000, -10000, '${JSON.stringify([manual, { code: 7 }, "x"])}', 'u', 'u@example.com'),
        ('a2', 1, 'MANUAL', 50000, 40000, -10000, '{"code":"RC01"}', 'u', 'u@example.com');
      INSERT INTO "BorrowerNotice" (id, "borrowerId", "limitChangeId", kind, text, "reasonCodes", "effectiveDate")
        VALUES ('n1', 1, 'lc', 'INCREASE', 'x', '${JSON.stringify([positive])}', now());`);
    expect(await applyMigrations(db.sql, all)).toEqual(all.filter((m) => m.name >= MIGRATION).map((m) => m.name));

    const q = async (sql: string) => (await db.sql.query<{ r: unknown }>(sql)).map((x) => x.r);
    expect(await q(`SELECT "reasonCodes" AS r FROM "Score" ORDER BY "month"`)).toEqual([[["RC01", 41], ["RC12", 9, "o"]], []]);
    expect(await q(`SELECT "reasonCodes" AS r FROM "BorrowerState"`)).toEqual([[["RC01", 41], ["RC12", 9, "o"]]]);
    expect(await q(`SELECT "reasonCodes" AS r FROM "Adjustment" ORDER BY id`)).toEqual([[["RC03", null]], []]);
    expect(await q(`SELECT "reasonCodes" AS r FROM "BorrowerNotice"`)).toEqual([[["RC13", null, "p"]]]);
    const [state] = await q(`SELECT "reasonCodes" AS r FROM "BorrowerState"`);
    expect(readReasons(state)).toEqual([adverse, otherSide]);
    const [notice] = await q(`SELECT "reasonCodes" AS r FROM "BorrowerNotice"`);
    expect(readReasons(notice)).toEqual([positive]);
  });
});
