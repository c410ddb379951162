// The BorrowerState migration moves an existing database's current limits (Borrower.limit, which
// approvals used to update) into the state table, and derives the rest as initBorrowerStates does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { backend, openEmptyDb, type TestDb } from "./harness";

const MIGRATION = "20261201100000_borrower_state";

describe(`BorrowerState migration on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openEmptyDb();
  });
  afterAll(async () => db?.drop());

  it("keeps each borrower's current limit and derives the latest month's state", async () => {
    const all = readMigrations();
    const cut = all.findIndex((m) => m.name === MIGRATION);
    expect(cut).toBeGreaterThan(0);
    await applyMigrations(db.sql, all.slice(0, cut));
    // Borrower 1 had an approved increase (limit 90,000 vs 50,000 in the statements), borrower 2 none.
    await db.sql.exec(`
      INSERT INTO "Borrower" ("id", "limit", "sex", "education", "marriage", "age", "outcome") VALUES (1, 90000, 1, 2, 1, 30, 0), (2, 20000, 2, 1, 2, 40, 1);
      INSERT INTO "Statement" ("borrowerId", "month", "limit", "bill", "balance", "payment", "repaymentStatus") VALUES
        (1, '2005-07', 50000, 100, 100, 0, 2), (1, '2005-08', 50000, 200, 200, 0, 0), (1, '2005-09', 50000, 45000, 45000, 0, 0),
        (2, '2005-08', 20000, 0, 0, 0, 0), (2, '2005-09', 20000, -50, 0, 0, 0);
      INSERT INTO "Score" ("borrowerId", "month", "score", "pd", "tier", "previousTier", "tierChange", "limit", "balance", "utilization", "modelVersion", "reasonCodes") VALUES
        (1, '2005-08', 710, 0.1, 'LOW', NULL, 0, 50000, 200, 0.004, 'm', '[]'),
        (1, '2005-09', 650, 0.2, 'MEDIUM', 'LOW', 1, 50000, 45000, 0.9, 'm', '[{"code":"X"}]'),
        (2, '2005-09', 720, 0.05, 'LOW', NULL, 0, 20000, 0, 0, 'm', '[]');`);
    expect(await applyMigrations(db.sql)).toEqual(all.slice(cut).map((m) => m.name));
    const rows = await db.sql.query(`SELECT "borrowerId", "limit", "balance", "utilization", "month", "score", "tier"::text, "previousTier"::text,
      "tierChange", "tierChangeCause", "monthsSinceDelay", "version"::int FROM "BorrowerState" ORDER BY 1`);
    expect(rows).toEqual([
      { borrowerId: 1, limit: 90000, balance: 45000, utilization: 0.5, month: "2005-09", score: 650, tier: "MEDIUM", previousTier: "LOW", tierChange: 1, tierChangeCause: "SCORE", monthsSinceDelay: 2, version: 1 },
      { borrowerId: 2, limit: 20000, balance: 0, utilization: 0, month: "2005-09", score: 720, tier: "LOW", previousTier: null, tierChange: 0, tierChangeCause: null, monthsSinceDelay: 255, version: 1 },
    ]);
    expect(await db.sql.query(`SELECT "version"::int FROM "PortfolioVersion"`)).toEqual([{ version: 1 }]);
    expect(await db.sql.query(`SELECT "borrowers", "exposure"::int, "tiers", "tierChanges", "historyTiers" FROM "PortfolioSummary"`)).toEqual([
      { borrowers: 2, exposure: 110000, tiers: { LOW: 1, MEDIUM: 1, HIGH: 0 }, tierChanges: { up: 1, down: 0 }, historyTiers: [{ month: "2005-08", LOW: 1, MEDIUM: 0, HIGH: 0 }] },
    ]);
  });
});
