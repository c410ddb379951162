// Due limit changes in batches (issue 8 §2): one transaction and ONE `limits.changed` event per
// batch carrying the borrowers, change ids and totals; a borrower's second change waits for the next
// batch; a stale change is superseded with its notice; a failure mid-batch leaves nothing half-done.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { applyDueLimitChanges, type DueBatch } from "@/features/due-changes/mutations";
import { listAuditEvents } from "@/features/audit/data";
import { auditQuerySchema } from "@/features/audit/schema";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, pendingBorrowerIds, type TestDb } from "./harness";

const DAY = 86_400_000;
const T = new Date("2026-06-01T00:00:00Z");

describe(`due limit changes in batches on ${backend}`, () => {
  let db: TestDb;
  let b: Array<{ borrowerId: number; limit: number }> = [];
  const schedule = async (borrowerId: number, oldLimit: number, newLimit: number, effectiveDate = new Date(T.getTime() - DAY)) =>
    (await getPrisma()).limitChange.create({ data: { borrowerId, oldLimit, newLimit, approvers: ["manager@example.com"], effectiveDate, status: "SCHEDULED" } });
  const limits = async () => new Map((await (await getPrisma()).borrowerState.findMany({ where: { borrowerId: { in: b.map((x) => x.borrowerId) } } })).map((s) => [s.borrowerId, s.limit]));
  const dueEvents = async () => (await getPrisma()).auditEvent.findMany({ where: { action: "limits.changed", entityType: "LimitChange", entityId: "due" }, orderBy: { seq: "asc" } });

  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 300, log: () => undefined });
    const pending = await pendingBorrowerIds();
    b = await (await getPrisma()).borrowerState.findMany({ where: { borrowerId: { notIn: pending }, limit: { gte: 100_000 } }, orderBy: { borrowerId: "asc" }, take: 8, select: { borrowerId: true, limit: true } });
  });
  afterAll(async () => closeAppDb(db));

  it("applies batch by batch with one exact audit event each, a borrower's later change in a later batch, a stale one superseded", async () => {
    const prisma = await getPrisma();
    const [b1, b2, b3, b4, b5, b6] = b;
    const c1 = await schedule(b1.borrowerId, b1.limit, b1.limit - 10_000);
    const c2 = await schedule(b2.borrowerId, b2.limit, b2.limit + 20_000);
    const c3 = await schedule(b1.borrowerId, b1.limit - 10_000, b1.limit - 30_000); // b1's second change, based on the first
    const c4 = await schedule(b3.borrowerId, b3.limit + 50_000, b3.limit - 10_000); // stale: b3's limit is not its base
    const c5 = await schedule(b4.borrowerId, b4.limit, b4.limit - 40_000);
    const c6 = await schedule(b5.borrowerId, b5.limit, b5.limit - 10_000);
    const c7 = await schedule(b6.borrowerId, b6.limit, b6.limit - 10_000, new Date(T.getTime() + DAY)); // not yet due
    const versions = async () => Number((await prisma.portfolioVersion.findUniqueOrThrow({ where: { id: 1 } })).version);
    const v0 = await versions();
    const batches: DueBatch[] = [];

    expect(await applyDueLimitChanges(T, { batchSize: 3, onBatch: async (x) => void batches.push(x) })).toBe(5);
    expect(batches).toEqual([{ changes: 2, applied: 2, superseded: 0 }, { changes: 3, applied: 2, superseded: 1 }, { changes: 1, applied: 1, superseded: 0 }]);
    expect(await limits()).toEqual(new Map([
      [b1.borrowerId, b1.limit - 30_000], [b2.borrowerId, b2.limit + 20_000], [b3.borrowerId, b3.limit], [b4.borrowerId, b4.limit - 40_000],
      [b5.borrowerId, b5.limit - 10_000], [b6.borrowerId, b6.limit], [b[6].borrowerId, b[6].limit], [b[7].borrowerId, b[7].limit],
    ]));
    const status = async (id: string) => (await prisma.limitChange.findUniqueOrThrow({ where: { id } })).status;
    expect(await Promise.all([c1, c2, c3, c4, c5, c6, c7].map((c) => status(c.id)))).toEqual(["APPLIED", "APPLIED", "APPLIED", "SUPERSEDED", "APPLIED", "APPLIED", "SCHEDULED"]);
    expect(await prisma.limitChange.count({ where: { id: { in: [c1.id, c2.id, c3.id, c5.id, c6.id] }, appliedAt: T } })).toBe(5);
    expect(await versions()).toBe(v0 + 3); // one portfolio version per batch

    const events = await dueEvents();
    const asOf = T.toISOString();
    expect(events.map((e) => [e.actorEmail, e.before, e.after])).toEqual([
      [null, null, { cause: "DUE_CHANGE", portfolioVersion: v0 + 1, count: 2, exposureChange: 10_000, increase: 20_000, decrease: 10_000,
        borrowerIds: [b1.borrowerId, b2.borrowerId], limitChangeIds: [c1.id, c2.id], stale: [], asOf, dueChangeIds: [c1.id, c2.id], seqRange: [c1.seq, c2.seq] }],
      [null, null, { cause: "DUE_CHANGE", portfolioVersion: v0 + 2, count: 2, exposureChange: -60_000, increase: 0, decrease: 60_000,
        borrowerIds: [b1.borrowerId, b4.borrowerId], limitChangeIds: [c3.id, c5.id], stale: [b3.borrowerId], asOf, dueChangeIds: [c3.id, c4.id, c5.id], seqRange: [c3.seq, c5.seq] }],
      [null, null, { cause: "DUE_CHANGE", portfolioVersion: v0 + 3, count: 1, exposureChange: -10_000, increase: 0, decrease: 10_000,
        borrowerIds: [b5.borrowerId], limitChangeIds: [c6.id], stale: [], asOf, dueChangeIds: [c6.id], seqRange: [c6.seq, c6.seq] }],
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "limit.changed" } })).toBe(0);
    // The stale change: superseded as a single change was, the cancelled cut announced.
    expect(await prisma.auditEvent.count({ where: { action: "limit_change.superseded", entityId: c4.id } })).toBe(1);
    const cancellation = await prisma.borrowerNotice.findFirstOrThrow({ where: { limitChangeId: c4.id } });
    expect(cancellation.kind).toBe("CANCELLATION");
    expect(cancellation.text).toContain("will not take place");
    // Audit search by borrower finds each applied borrower in its batch event.
    for (const [id, seq] of [[b1.borrowerId, [events[1].seq, events[0].seq]], [b4.borrowerId, [events[1].seq]], [b5.borrowerId, [events[2].seq]]] as const) {
      const found = await listAuditEvents(auditQuerySchema.parse({ borrowerId: String(id), action: "limits.changed" }));
      expect(found.items.map((e) => e.seq)).toEqual(seq);
    }

    // Exactly once: nothing is due any more, so nothing happens (no event, no version).
    expect(await applyDueLimitChanges(T)).toBe(0);
    expect((await dueEvents()).length).toBe(3);
    expect(await versions()).toBe(v0 + 3);
  });

  it("leaves nothing half-done when a batch fails mid-way, and applies it whole on the next run", async () => {
    const prisma = await getPrisma();
    const [, , , , , , b7, b8] = b;
    const ok = await schedule(b7.borrowerId, b7.limit, b7.limit + 10_000);
    const stale = await schedule(b8.borrowerId, b8.limit + 1_000, b8.limit - 10_000); // its cancellation notice will fail
    await prisma.$executeRawUnsafe(`CREATE FUNCTION fail_notice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER fail_notice BEFORE INSERT ON "BorrowerNotice" FOR EACH ROW WHEN (NEW."borrowerId" = ${b8.borrowerId}) EXECUTE FUNCTION fail_notice()`);
    const before = { events: await prisma.auditEvent.count(), limits: await limits() };
    await expect(applyDueLimitChanges(T)).rejects.toThrow(/disk full/);
    expect(await prisma.auditEvent.count()).toBe(before.events);
    expect(await limits()).toEqual(before.limits);
    expect(await prisma.limitChange.count({ where: { id: { in: [ok.id, stale.id] }, status: "SCHEDULED", appliedAt: null } })).toBe(2);

    await prisma.$executeRawUnsafe(`DROP TRIGGER fail_notice ON "BorrowerNotice"`);
    expect(await applyDueLimitChanges(T)).toBe(1);
    expect((await limits()).get(b7.borrowerId)).toBe(b7.limit + 10_000);
    expect((await prisma.limitChange.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("SUPERSEDED");
    const last = (await dueEvents()).at(-1)!;
    expect(last.after).toMatchObject({ count: 1, borrowerIds: [b7.borrowerId], limitChangeIds: [ok.id], stale: [b8.borrowerId] });
  });
});
