// Issue 9 §6: `reasonCodes: ["__proto__"]` passed the closed-list check and stored an object as
// its text. The schema now refuses such codes, and the migration repairs rows already written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { manualProposalSchema } from "@/features/adjustments/schema";
import { actorCan } from "@/features/auth/permissions";
import { backend, openEmptyDb, type TestDb } from "./harness";

const REPAIR = "20261201210000_closed_lists_idempotency";
const PROTO_KEYS = ["__proto__", "toString", "hasOwnProperty", "valueOf", "constructor"];

describe(`closed lists on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openEmptyDb();
  });
  afterAll(async () => db?.drop());

  it("refuses Object.prototype names as reason codes and as token scopes", () => {
    const base = { borrowerId: 1, newLimit: 50_000, reason: "Customer request reviewed" };
    for (const code of PROTO_KEYS) {
      expect(manualProposalSchema.safeParse({ ...base, reasonCodes: [code] }).success, code).toBe(false);
      expect(actorCan({ role: "SERVICE", scope: code }, "limitchanges:read"), code).toBe(false);
    }
    expect(manualProposalSchema.safeParse({ ...base, reasonCodes: ["RC01"] }).success).toBe(true);
  });

  it("the migration drops reason-code entries outside the list or without a string text", async () => {
    const all = readMigrations();
    await applyMigrations(db.sql, all.filter((m) => m.name < REPAIR));
    const good = { code: "RC01", text: "Latest payment was late", pointsLost: null };
    const rows: Array<[string, unknown]> = [
      ["a-proto", [{ code: "__proto__", text: {}, pointsLost: null }, good]],
      ["a-tostring", [{ code: "toString" }]],
      ["a-fine", [good, { code: "RC05", text: "Credit limit is low", pointsLost: 12 }]],
      ["a-notarray", { code: "RC01" }],
    ];
    for (const [id, codes] of rows) {
      await db.sql.query(
        `INSERT INTO "Adjustment" (id, "borrowerId", source, "oldLimit", "newLimit", delta, "reasonCodes", "proposedById", "proposedByEmail")
         VALUES ($1, 1, 'MANUAL', 20000, 10000, -10000, $2::jsonb, 'u', 'u@example.com')`,
        [id, JSON.stringify(codes)],
      );
    }
    await db.sql.query(
      `INSERT INTO "BorrowerNotice" (id, "borrowerId", "limitChangeId", text, "reasonCodes", "effectiveDate") VALUES ('n1', 1, 'lc', 'x', $1::jsonb, now())`,
      [JSON.stringify([{ code: "valueOf", text: 3 }, good])],
    );
    // Up to the repair only: a later migration stores reasons without their words (see
    // reason-codes-migration.test.ts).
    expect(await applyMigrations(db.sql, all.filter((m) => m.name <= REPAIR))).toContain(REPAIR);
    const after = await db.sql.query<{ id: string; reasonCodes: unknown }>(`SELECT id, "reasonCodes" FROM "Adjustment" ORDER BY id`);
    expect(Object.fromEntries(after.map((r) => [r.id, r.reasonCodes]))).toEqual({
      "a-fine": [good, { code: "RC05", text: "Credit limit is low", pointsLost: 12 }],
      "a-notarray": [],
      "a-proto": [good],
      "a-tostring": [],
    });
    const [notice] = await db.sql.query<{ reasonCodes: unknown }>(`SELECT "reasonCodes" FROM "BorrowerNotice"`);
    expect(notice.reasonCodes).toEqual([good]);
  });
});
