// Issue 11 §6: every borrower notice writes an audit event through the one audit path, carrying the
// borrower id, so audit search by borrower shows what the borrower was told. Run approvals insert a
// batch's notices in bulk and are covered by their one batch event (`limits.changed`, borrowerIds).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { decideAdjustment, proposeManual } from "@/features/adjustments/mutations";
import { decideAppeal, recordAppeal } from "@/features/appeals/mutations";
import { setLimits } from "@/features/limit-changes/mutations";
import { applyDueLimitChanges } from "@/features/due-changes/mutations";
import { listAuditEvents } from "@/features/audit/data";
import { auditQuerySchema } from "@/features/audit/schema";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, pendingBorrowerIds, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const DAY = 86_400_000;

describe(`notice audit events on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  const t0 = new Date("2026-03-01T00:00:00Z");
  const change = async (borrowerId: number, delta: number, now = t0) => {
    const prisma = await getPrisma();
    const { limit } = await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId } });
    const adj = await proposeManual({ borrowerId, newLimit: limit + delta, reason: "Reviewed for the notice audit test" }, { actor: u.analyst });
    return (await decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.manager, now })).limitChange!;
  };
  const appealAndReverse = async (limitChangeId: string, now: Date) => {
    const appeal = await recordAppeal({ limitChangeId, channel: "PHONE", text: "Income rose; please review." }, { actor: u.admin, now });
    await decideAppeal(appeal.id, { decision: "reverse", comment: "income verified" }, { actor: u.manager2, now });
  };

  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 300, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  });
  afterAll(async () => closeAppDb(db));

  it("writes one notice.created event per notice, with the borrower id, found by borrower search", async () => {
    const prisma = await getPrisma();
    const low = await prisma.borrowerState.findFirstOrThrow({ where: { tier: "LOW", monthsSinceDelay: { gte: 3 }, limit: { gte: 50_000, lte: 400_000 } }, orderBy: { borrowerId: "asc" } });
    const others = await prisma.borrowerState.findMany({ where: { limit: { gte: 80_000 }, borrowerId: { not: low.borrowerId } }, orderBy: { borrowerId: "asc" }, take: 3 });
    const [increased, recut, appealed, restored] = [low.borrowerId, ...others.map((o) => o.borrowerId)];
    const noticesBefore = await prisma.borrowerNotice.count();
    expect(await prisma.auditEvent.count({ where: { action: "notice.created" } })).toBe(noticesBefore);

    await change(increased, 10_000); // INCREASE, applied at once
    await change(recut, -10_000); // DECREASE, scheduled …
    await change(recut, -20_000); // … superseded by a later cut: CANCELLATION + DECREASE
    await appealAndReverse((await change(appealed, -10_000)).id, new Date(t0.getTime() + DAY)); // DECREASE, then CANCELLATION
    const cut = await change(restored, -10_000); // DECREASE, applied when due, then reversed: RESTORED
    const later = new Date(t0.getTime() + 90 * DAY);
    await applyDueLimitChanges(later);
    expect((await prisma.limitChange.findUniqueOrThrow({ where: { id: cut.id } })).status).toBe("APPLIED");
    await appealAndReverse(cut.id, later);

    const ids = [increased, recut, appealed, restored];
    const notices = await prisma.borrowerNotice.findMany({ where: { borrowerId: { in: ids } }, orderBy: { createdAt: "asc" } });
    const kinds = (id: number) => notices.filter((n) => n.borrowerId === id).map((n) => n.kind);
    expect(ids.map(kinds)).toEqual([["INCREASE"], ["DECREASE", "CANCELLATION", "DECREASE"], ["DECREASE", "CANCELLATION"], ["DECREASE", "RESTORED"]]);

    const events = await prisma.auditEvent.findMany({ where: { action: "notice.created", entityId: { in: notices.map((n) => n.id) } } });
    expect(events).toHaveLength(notices.length);
    expect(await prisma.auditEvent.count({ where: { action: "notice.created" } })).toBe(noticesBefore + notices.length);
    for (const n of notices) {
      const e = events.filter((x) => x.entityId === n.id);
      expect(e.map((x) => [x.entityType, x.after])).toEqual([
        ["BorrowerNotice", { borrowerId: n.borrowerId, kind: n.kind, limitChangeId: n.limitChangeId, effectiveDate: n.effectiveDate.toISOString() }],
      ]);
      // Approvals are the approver's doing; appeal outcomes the appeal decider's.
      expect(e[0].actorEmail, n.kind).toBe(n.kind === "RESTORED" || (n.kind === "CANCELLATION" && n.borrowerId === appealed) ? u.manager2.email : u.manager.email);
    }

    for (const id of ids) {
      const found = await listAuditEvents(auditQuerySchema.parse({ borrowerId: String(id), action: "notice.created" }));
      expect(found.items.map((e) => (e.after as { kind: string }).kind).reverse()).toEqual(kinds(id));
      expect(found.total).toBe(kinds(id).length);
    }
  });

  it("finds a borrower in a batch event (set-based run approvals name every applied borrower)", async () => {
    const prisma = await getPrisma();
    const pending = await pendingBorrowerIds();
    const [a, b] = await prisma.borrowerState.findMany({ where: { borrowerId: { notIn: pending }, limit: { gte: 50_000 } }, orderBy: { borrowerId: "desc" }, take: 2 });
    const rows = [a, b].map((s) => `(${s.borrowerId}, ${s.limit}, ${s.limit + 1_000}, NULL::text)`).join(", ");
    await prisma.$transaction((tx) =>
      setLimits(tx, `SELECT * FROM (VALUES ${rows}) AS v("borrowerId", "from", "to", "limitChangeId")`, {
        cause: "APPROVAL", ctx: { actor: u.manager }, entityType: "PolicyRun", entityId: "notice-audit-test-run",
      }),
    );
    for (const s of [a, b]) {
      const found = await listAuditEvents(auditQuerySchema.parse({ borrowerId: String(s.borrowerId), action: "limits.changed" }));
      expect(found.items.map((e) => e.entityId)).toEqual(["notice-audit-test-run"]);
      expect(found.total).toBe(1);
    }
  });
});
