// Issue 9 §9: the audit export carried cells starting with `=`. Events whose e-mail and entity id
// start with formula characters are exported with those cells escaped. (Request id and ip no longer
// reach the trail as free text: recordAudit keeps only a plain id and a valid IP address.)
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { recordAudit } from "@/features/audit/mutations";
import { auditBatches } from "@/features/audit/data";
import { auditCsvResponse } from "@/features/audit/csv";
import { auditQuerySchema } from "@/features/audit/schema";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

describe(`audit CSV export on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
  });
  afterAll(async () => closeAppDb(db));

  it("escapes every cell a spreadsheet would run as a formula", async () => {
    const prisma = await getPrisma();
    const evil = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"];
    await prisma.$transaction(async (tx) => {
      for (const e of evil) {
        await recordAudit(tx, { actor: { id: "u1", email: e }, action: "settings.updated", entityType: "Setting", entityId: e, after: { v: e }, requestId: e, ip: e });
      }
    });
    // The export as served: streamed batch by batch through lib/csv.ts (batches of 2 here).
    const csv = await auditCsvResponse(auditBatches(auditQuerySchema.parse({}), 2)).text();
    const rows: string[][] = parse(csv, { relax_quotes: true });
    expect(rows.length).toBe(evil.length + 1);
    const cells = rows.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const [header, ...data] = rows;
    for (const column of ["actorEmail", "entityId"]) {
      expect(data.map((r) => r[header.indexOf(column)]).sort(), column).toEqual(evil.map((e) => `'${e}`).sort());
    }
    // Dropped on the audit path (issue 9 sec-http), so they export as empty cells.
    expect(data.map((r) => [r[header.indexOf("requestId")], r[header.indexOf("ip")]])).toEqual(evil.map(() => ["", ""]));
  });
});
