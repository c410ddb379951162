// The inbox's count and Σ totals (issue 8 §4): exact from the maintained deltas for status / run /
// proposer / tier move / direction after every kind of write (run, proposal, decisions, delete),
// unchanged by compaction; amount and borrower filters exact up to the count cap, then estimated and
// marked `totalIsEstimate` (the cap lowered by LIMITDESK_COUNT_EXACT_LIMIT to see it on a small database).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { listAdjustments } from "@/features/adjustments/data";
import { adjustmentListQuerySchema, type AdjustmentFilter } from "@/features/adjustments/schema";
import { adjustmentFilter } from "@/features/adjustments/data";
import { decideAdjustment, proposeManual } from "@/features/adjustments/mutations";
import { runActivePolicy } from "@/features/policy-runs/mutations";
import { inboxTotals } from "@/features/inbox-totals/data";
import { compactInboxTotals } from "@/features/inbox-totals/mutations";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };

describe(`inbox totals on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  let runId: string;
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 2000, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
    runId = (await runActivePolicy({ actor: u.analyst })).run.id;
  }, 120_000);
  afterAll(async () => {
    await closeQueue();
    await closeAppDb(db);
  });

  /** The selection's figures counted over every matching row, the slow way. */
  async function counted(q: AdjustmentFilter) {
    const prisma = await getPrisma();
    const where = adjustmentFilter(q);
    const [n, inc, dec] = await Promise.all([
      prisma.adjustment.count({ where }),
      prisma.adjustment.aggregate({ where: { AND: [where, { delta: { gt: 0 } }] }, _sum: { delta: true }, _count: true }),
      prisma.adjustment.aggregate({ where: { AND: [where, { delta: { lt: 0 } }] }, _sum: { delta: true }, _count: true }),
    ]);
    const i = inc._sum.delta ?? 0, d = 0 - (dec._sum.delta ?? 0);
    return { total: n, totalIsEstimate: false, totals: { count: n, increase: { count: inc._count, amount: i }, decrease: { count: dec._count, amount: d }, netChange: i - d, exposureDelta: i - d } };
  }
  const filters = (): AdjustmentFilter[] => [
    {}, { status: "PENDING" }, { status: "PENDING", policyRunId: runId }, { status: "APPROVED" }, { status: "REJECTED" }, { direction: "increase" },
    { status: "PENDING", direction: "decrease", tierChange: "down" }, { tierChange: "same" }, { proposer: u.analyst.email.toUpperCase() },
    { status: "PENDING", minAmount: 20_000 }, { maxAmount: 10_000, direction: "decrease" }, { borrowerId: 7 }, { policyRunId: "no-such-run" },
  ];
  const expectAllExact = async () => {
    for (const q of filters()) expect(await inboxTotals(q), JSON.stringify(q)).toEqual(await counted(q));
  };

  it("equals a full count of every selection after a run, proposals, decisions and a delete, and after compaction", async () => {
    const prisma = await getPrisma();
    expect(await prisma.adjustment.count({ where: { policyRunId: runId } })).toBeGreaterThan(500);
    await expectAllExact();
    const pending = (await prisma.adjustment.findMany({ where: { status: "PENDING" }, select: { borrowerId: true } })).map((a) => a.borrowerId);
    const state = await prisma.borrowerState.findFirstOrThrow({ where: { borrowerId: { notIn: pending }, limit: { gte: 50_000 } }, orderBy: { borrowerId: "asc" } });
    const manual = await proposeManual({ borrowerId: state.borrowerId, newLimit: state.limit + 10_000, reason: "Reviewed for the totals test" }, { actor: u.analyst });
    const [a, b] = await prisma.adjustment.findMany({ where: { policyRunId: runId, status: "PENDING", requiredApprovals: 1 }, orderBy: { id: "asc" }, take: 2 });
    await decideAdjustment(a.id, "APPROVE", undefined, { actor: u.manager });
    await decideAdjustment(b.id, "REJECT", "not now", { actor: u.manager });
    await decideAdjustment(manual.id, "APPROVE", undefined, { actor: u.admin }); // an override may need a second approver: PENDING or APPROVED, both are counted
    await prisma.$executeRaw`UPDATE "Adjustment" SET "staleReason" = 'test' WHERE "policyRunId" = ${runId} AND "status" = 'PENDING'`; // moves no key
    const [c] = await prisma.adjustment.findMany({ where: { policyRunId: runId, status: "PENDING", decisions: { none: {} } }, take: 1 });
    await prisma.adjustment.delete({ where: { id: c.id } });
    await expectAllExact();

    const rows = await prisma.adjustmentTotal.count();
    const keys = await prisma.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM (SELECT DISTINCT "status", "policyRunId", "proposedByEmail", "tierMove", sign("delta") FROM "Adjustment") k`;
    expect(await compactInboxTotals()).toEqual({ before: rows, after: keys[0].n });
    await expectAllExact();
  });

  it("marks amount and borrower selections past the count cap as estimates; maintained ones stay exact", async () => {
    process.env.LIMITDESK_COUNT_EXACT_LIMIT = "10";
    try {
      const wide = { status: "PENDING" as const, minAmount: 1 };
      const exact = await counted(wide);
      expect(exact.total).toBeGreaterThan(11);
      const est = await inboxTotals(wide);
      expect(est.totalIsEstimate).toBe(true);
      expect(est.total).toBeGreaterThanOrEqual(11);
      expect(est.totals.count).toBe(est.total);
      // The maintained selections are exact whatever the cap.
      expect(await inboxTotals({ status: "PENDING" })).toEqual(await counted({ status: "PENDING" }));
      const page = await listAdjustments(adjustmentListQuerySchema.parse({ status: "PENDING", minAmount: "1", pageSize: "5" }));
      expect([page.total, page.totalIsEstimate]).toEqual([est.total, true]);
      const narrow = await listAdjustments(adjustmentListQuerySchema.parse({ status: "PENDING", pageSize: "5" }));
      expect([narrow.total, narrow.totalIsEstimate]).toEqual([exact.total + (await counted({ status: "PENDING", maxAmount: 0 })).total, false]);
    } finally {
      delete process.env.LIMITDESK_COUNT_EXACT_LIMIT;
    }
    expect(await inboxTotals({ status: "PENDING", minAmount: 1 })).toEqual(await counted({ status: "PENDING", minAmount: 1 }));
  });
});
