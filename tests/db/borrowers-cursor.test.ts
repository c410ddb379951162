// Issue 8 §4/§6: keyset (cursor) pagination of the borrowers list while rows change.
// The guarantee (README "Pagination"): the list is in (sort value, borrowerId) order, both in the
// requested direction, and a cursor is the last row's key. So, while other transactions change
// rows between two pages, every row whose key did NOT change during the walk is returned exactly
// once; no page repeats a row; a row whose key changed is returned at most once per key it had
// (it may be met at its old key and again at its new one, or at neither).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { encodeCursor } from "@/lib/cursor";
import { ApiError } from "@/lib/api/errors";
import { allBorrowers, listBorrowers } from "@/features/borrowers/data";
import { listAuditEvents } from "@/features/audit/data";
import { auditQuerySchema } from "@/features/audit/schema";
import { borrowerListQuerySchema, SORT_FIELDS, type BorrowerListItem, type SortField } from "@/features/borrowers/schema";
import { setLimit } from "@/features/limit-changes/mutations";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const ROWS = 240;
const query = (q: Record<string, string>) => borrowerListQuerySchema.parse(q);
const keyOf = (sort: SortField, item: BorrowerListItem) => `${sort === "id" ? item.id : item[sort]}|${item.id}`;

/** Moves a few rows' sort keys (both directions) the way a re-score or a limit change would. */
async function moveSomeRows(step: number): Promise<number[]> {
  const prisma = await getPrisma();
  const ids = [((step * 37) % ROWS) + 1, ((step * 53 + 11) % ROWS) + 1];
  for (const [i, id] of ids.entries()) {
    const up = (step + i) % 2 === 0;
    // A re-score: score, PD, tier and balance move (the state's other writers).
    await prisma.$executeRaw`
      UPDATE "BorrowerState" SET "score" = ${up ? 940 - step : 360 + step}, "pd" = ${up ? 0.001 * (step + 1) : 0.9 - 0.001 * step},
        "balance" = ${up ? 1 + step : 900_000 - step}
      WHERE "borrowerId" = ${id}`;
    // A limit change through the one write path (moves limit and utilisation).
    const [{ limit }] = await prisma.$queryRaw<{ limit: number }[]>`SELECT "limit" FROM "BorrowerState" WHERE "borrowerId" = ${id}`;
    await prisma.$transaction((tx) => setLimit(tx, { borrowerId: id, from: limit, to: up ? 990_000 - step * 1000 : 10_000 + step * 1000, cause: "APPROVAL", limitChangeId: null, ctx: { actor: null } }));
  }
  return ids;
}

describe(`borrowers keyset pagination on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: ROWS, log: () => undefined });
  });
  afterAll(async () => closeAppDb(db));

  for (const sort of SORT_FIELDS) {
    for (const order of ["asc", "desc"] as const) {
      it(`sort=${sort}&order=${order}: every unchanged row exactly once while rows move between pages`, async () => {
        const before = new Map((await allBorrowers(query({ sort, order }))).map((b) => [b.id, keyOf(sort, b)]));
        const seen = new Map<number, string[]>();
        let cursor: string | undefined;
        let step = 0;
        const moved = new Set<number>();
        for (;;) {
          const page = await listBorrowers(query({ sort, order, pageSize: "17", ...(cursor ? { cursor } : {}) }));
          expect(new Set(page.items.map((b) => b.id)).size, "no page repeats a row").toBe(page.items.length);
          for (const b of page.items) seen.set(b.id, [...(seen.get(b.id) ?? []), keyOf(sort, b)]);
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
          for (const id of await moveSomeRows(++step + (order === "asc" ? 0 : 100))) moved.add(id);
        }
        const after = new Map((await allBorrowers(query({ sort, order }))).map((b) => [b.id, keyOf(sort, b)]));
        const unchanged = [...before.keys()].filter((id) => !moved.has(id) && before.get(id) === after.get(id));
        expect(unchanged.length).toBeGreaterThan(ROWS - 2 * step - 1);
        expect(unchanged.filter((id) => seen.get(id)?.length !== 1), "unchanged rows seen other than once").toEqual([]);
        // A moved row: never twice at the same key.
        for (const [id, keys] of seen) expect(new Set(keys).size, `row ${id}`).toBe(keys.length);
      });
    }
  }

  it("walks a filtered list and a month of the score history the same way, with the same counts", async () => {
    const walks: Array<Record<string, string>> = [{ tier: "MEDIUM", sort: "score" }, { month: "2005-07", sort: "utilization", order: "desc" }, { month: "2005-06", minScore: "600" }];
    for (const q of walks) {
      const all = await allBorrowers(query(q));
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await listBorrowers(query({ ...q, pageSize: "11", ...(cursor ? { cursor } : {}) }));
        expect(page.total).toBe(all.length);
        expect(page.totalIsEstimate).toBe(false);
        ids.push(...page.items.map((b) => b.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(ids).toEqual(all.map((b) => b.id));
      if (q.month) expect(new Set(all.map((b) => b.month))).toEqual(new Set([q.month]));
    }
  });

  it("reads a month's values from the Score history, not the current state", async () => {
    const prisma = await getPrisma();
    const [row] = await prisma.$queryRaw<{ borrowerId: number; score: number; limit: number }[]>`SELECT "borrowerId", "score", "limit" FROM "Score" WHERE "month" = '2005-06' ORDER BY "borrowerId" LIMIT 1`;
    const page = await listBorrowers(query({ month: "2005-06", q: String(row.borrowerId) }));
    expect(page.items.map((b) => [b.id, b.month, b.score, b.limit, b.tierChangeCause])).toEqual([[row.borrowerId, "2005-06", row.score, row.limit, null]]);
  });

  it("answers 400 for a tampered or foreign cursor and 404 for a month without scores", async () => {
    const status = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof ApiError ? e.status : 500));
    const first = await listBorrowers(query({ sort: "score", pageSize: "5" }));
    const tampered = `${first.nextCursor!.slice(0, -2)}xx`;
    const bad = [tampered, encodeCursor({ s: "score", o: "asc", m: null, v: "DROP TABLE", id: 1 }), encodeCursor({ s: "score", o: "asc", m: null, v: 1, id: -4 }), encodeCursor([1, 2]), "bm90IGpzb24"];
    for (const cursor of bad) expect(await status(listBorrowers(query({ sort: "score", cursor }))), cursor).toBe(400);
    // A good cursor, but of another sort, order or month.
    expect(await status(listBorrowers(query({ sort: "pd", cursor: first.nextCursor! })))).toBe(400);
    expect(await status(listBorrowers(query({ sort: "score", order: "desc", cursor: first.nextCursor! })))).toBe(400);
    expect(await status(listBorrowers(query({ sort: "score", month: "2005-07", cursor: first.nextCursor! })))).toBe(400);
    expect(await status(listBorrowers(query({ month: "2004-01" })))).toBe(404);
    expect(borrowerListQuerySchema.safeParse({ month: "2005-13" }).success).toBe(false);
    expect(borrowerListQuerySchema.safeParse({ cursor: "a b" }).success).toBe(false);
    expect(borrowerListQuerySchema.safeParse({ page: "201", pageSize: "50" }).success).toBe(false);
  });

  it("pages the audit trail newest first by cursor, every event once, and refuses a tampered cursor", async () => {
    const prisma = await getPrisma();
    const total = await prisma.auditEvent.count();
    expect(total).toBeGreaterThan(20); // the limit changes of the walks above are audited
    const seqs: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(auditQuerySchema.parse({ pageSize: "7", ...(cursor ? { cursor } : {}) }));
      expect(page).toMatchObject({ total, totalIsEstimate: false });
      seqs.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(total);
    const status = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof ApiError ? e.status : 500));
    for (const bad of [encodeCursor({ seq: "1" }), encodeCursor({ seq: 0 }), encodeCursor({ s: "id" }), "eyJzZXEiOjF9x"]) {
      expect(await status(listAuditEvents(auditQuerySchema.parse({ cursor: bad }))), bad).toBe(400);
    }
  });
});
