// Bulk decisions by filter, set-based (features/bulk-decisions/mutations.ts): the same rules as a
// single decision — the proposer may not decide (403 reported), two different approvers above the
// threshold, a stale item reported and left PENDING — and ONE audit event per batch, chain whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { proposeManual } from "@/features/adjustments/mutations";
import { decideByFilter } from "@/features/bulk-decisions/mutations";
import { setLimit } from "@/features/limit-changes/mutations";
import { auditChain } from "@/features/audit/data";
import { verifyChain } from "@/features/audit/chain";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };

describe(`set-based bulk decisions by filter on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 2000, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  });
  afterAll(async () => closeAppDb(db));

  it("applies the single-decision rules item by item, in batches with one audit event each", async () => {
    const prisma = await getPrisma();
    // Within every policy rule (no override): small increases need one approver, +300,000 two.
    const [a, b, c, d, e] = await prisma.borrowerState.findMany({
      where: { tier: "LOW", monthsSinceDelay: { gte: 3 }, limit: { gte: 300_000, lte: 700_000 } }, orderBy: { borrowerId: "asc" }, take: 5,
    });
    const reason = "Customer request reviewed with income proof";
    const small = async (s: typeof a, actor: Actor) => proposeManual({ borrowerId: s.borrowerId, newLimit: s.limit + 1000, reason }, { actor });
    const [pa, pb, pc] = [await small(a, u.analyst), await small(b, u.analyst), await small(c, u.analyst)];
    const pd = await proposeManual({ borrowerId: d.borrowerId, newLimit: d.limit + 300_000, reason }, { actor: u.analyst });
    const pe = await small(e, u.manager);
    expect(pd.requiredApprovals).toBe(2);
    // c's limit changes after the proposal: its item is stale.
    await prisma.$transaction((tx) => setLimit(tx, { borrowerId: c.borrowerId, from: c.limit, to: c.limit + 5000, cause: "APPROVAL", limitChangeId: null, ctx: { actor: u.admin } }));
    const filter = {}; // every PENDING item: the seed proposes none
    const events0 = await prisma.auditEvent.count();
    const progress: number[] = [];
    const first = await decideByFilter({ filter, decision: "APPROVE", actor: u.manager }, async (done) => void progress.push(done), 2);
    expect(first).toMatchObject({ decided: 5, outcomes: { APPROVED: 2, PENDING: 1, "error 409": 1, "error 403": 1 } });
    expect(first.failures.map((f) => [f.id, f.status]).sort()).toEqual([[pc.id, 409], [pe.id, 403]].sort());
    expect(progress).toEqual([2, 4, 5]);
    const status = async (id: string) => (await prisma.adjustment.findUniqueOrThrow({ where: { id } })).status;
    expect([await status(pa.id), await status(pb.id), await status(pc.id), await status(pd.id), await status(pe.id)]).toEqual(["APPROVED", "APPROVED", "PENDING", "PENDING", "PENDING"]);
    expect((await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId: a.borrowerId } })).limit).toBe(a.limit + 1000);
    expect((await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId: c.borrowerId } })).limit).toBe(c.limit + 5000);
    expect(await prisma.adjustment.findUniqueOrThrow({ where: { id: pd.id } })).toMatchObject({ approvalCount: 1, pendingBorrowerId: d.borrowerId });
    expect(await prisma.borrowerNotice.count({ where: { borrowerId: { in: [a.borrowerId, b.borrowerId] }, kind: "INCREASE" } })).toBe(2);
    // Three batches (2 + 2 + 1 items): three audit events, no per-item event.
    expect(await prisma.auditEvent.count()).toBe(events0 + 3);

    // A second approver completes the two-approver item and may approve the manager's proposal; the stale item is reported again.
    const second = await decideByFilter({ filter, decision: "APPROVE", actor: u.manager2 }, async () => undefined, 10);
    expect(second).toMatchObject({ decided: 3, outcomes: { APPROVED: 2, "error 409": 1 } });
    expect([await status(pd.id), await status(pe.id), await status(pc.id)]).toEqual(["APPROVED", "APPROVED", "PENDING"]);
    expect((await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId: d.borrowerId } })).limit).toBe(d.limit + 300_000);
    const changes = await prisma.limitChange.findMany({ where: { adjustmentId: pd.id } });
    expect(changes.map((x) => x.approvers)).toEqual([[u.manager.email, u.manager2.email]]);
    const [{ exposure, sum }] = await prisma.$queryRaw<Array<{ exposure: bigint; sum: bigint }>>`
      SELECT (SELECT "exposure" FROM "PortfolioSummary" WHERE "id" = 1)::bigint AS exposure, (SELECT sum("limit") FROM "BorrowerState")::bigint AS sum`;
    expect(exposure).toBe(sum);
    expect((await verifyChain(auditChain())).broken).toBeNull();

    // Rejecting by filter: the stale item goes, one bulk event without a limit change.
    const last = (await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).seq;
    expect(await decideByFilter({ filter, decision: "REJECT", comment: "re-propose", actor: u.manager }, async () => undefined)).toMatchObject({ decided: 1, outcomes: { REJECTED: 1 } });
    expect(await prisma.adjustment.findUniqueOrThrow({ where: { id: pc.id } })).toMatchObject({ status: "REJECTED", pendingBorrowerId: null });
    expect(await prisma.auditEvent.findMany({ where: { seq: { gt: last } }, select: { action: true } })).toEqual([{ action: "adjustments.bulk_decided" }]);
  }, 180_000);
});
