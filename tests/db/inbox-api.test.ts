// The inbox API: every sort walks every row exactly once by cursor, the totals are the selection's,
// items carry credit figures before/after, and a bulk decision by filter decides every match by job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { listAdjustments } from "@/features/adjustments/data";
import { adjustmentListQuerySchema } from "@/features/adjustments/schema";
import { startBulkByFilter } from "@/features/adjustments/mutations";
import { INBOX_SORTS, SORT_COLUMN } from "@/features/adjustments/inbox-cursor";
import { runActivePolicy } from "@/features/policy-runs/mutations";
import { getJob } from "@/features/jobs/data";
import { runJob } from "@/features/jobs/worker";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const query = (q: Record<string, unknown>) => adjustmentListQuerySchema.parse(q);

describe(`inbox API on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 2000, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
    await runActivePolicy({ actor: u.analyst });
  }, 120_000);
  afterAll(async () => {
    await closeQueue();
    await closeAppDb(db);
  });

  it("walks every PENDING item exactly once, in order, for every sort and direction", async () => {
    const prisma = await getPrisma();
    const all = await prisma.adjustment.findMany({ where: { status: "PENDING" } });
    expect(all.length).toBeGreaterThan(500);
    const byId = new Map(all.map((a) => [a.id, a]));
    for (const sort of INBOX_SORTS) {
      for (const order of ["asc", "desc"] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard < 100; guard++) {
          const page = await listAdjustments(query({ status: "PENDING", sort, order, pageSize: "137", ...(cursor ? { cursor } : {}) }));
          seen.push(...page.items.map((i) => i.id));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBe(all.length);
        const col = SORT_COLUMN[sort];
        const values = seen.map((id) => { const v = byId.get(id)![col]; return v instanceof Date ? v.getTime() : Number(v); });
        const sorted = [...values].sort((a, b) => (order === "asc" ? a - b : b - a));
        expect(values).toEqual(sorted);
      }
    }
  }, 120_000);

  it("answers the selection's totals and each item's credit before/after", async () => {
    const prisma = await getPrisma();
    const page = await listAdjustments(query({ status: "PENDING", direction: "decrease", pageSize: "5", sort: "amount" }));
    const [agg] = await prisma.$queryRaw<Array<{ n: number; s: bigint }>>`SELECT count(*)::int AS n, -sum("delta")::bigint AS s FROM "Adjustment" WHERE "status" = 'PENDING' AND "delta" < 0`;
    expect(page.totals).toEqual({ count: agg.n, increase: { count: 0, amount: 0 }, decrease: { count: agg.n, amount: Number(agg.s) }, netChange: -Number(agg.s), exposureDelta: -Number(agg.s) });
    const item = page.items[0];
    const state = await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId: item.borrowerId } });
    expect(item.credit).toEqual({
      balance: state.balance,
      before: { limit: item.oldLimit, utilization: state.balance / item.oldLimit, availableCredit: item.oldLimit - state.balance },
      after: { limit: item.newLimit, utilization: state.balance / item.newLimit, availableCredit: item.newLimit - state.balance },
    });
    expect(adjustmentListQuerySchema.safeParse({ cursor: "not-a-cursor" }).success).toBe(false);
  });

  it("decides every PENDING item matching a filter by job, with progress", async () => {
    const prisma = await getPrisma();
    const filter = { direction: "increase" as const, maxAmount: 30_000 };
    const expected = await prisma.adjustment.count({ where: { status: "PENDING", delta: { gt: 0, lte: 30_000 } } });
    expect(expected).toBeGreaterThan(50);
    const { jobId, matched } = await startBulkByFilter({ filter, decision: "APPROVE", actor: u.manager });
    expect(matched).toBe(expected);
    await runJob(jobId);
    const job = await getJob(jobId);
    expect(job).toMatchObject({ status: "succeeded", done: expected, total: expected, result: { decided: expected, outcomes: { APPROVED: expected }, failures: [] } });
    expect(await prisma.adjustment.count({ where: { status: "PENDING", delta: { gt: 0, lte: 30_000 } } })).toBe(0);
    expect(await prisma.limitChange.count()).toBe(expected);
  }, 120_000);
});
