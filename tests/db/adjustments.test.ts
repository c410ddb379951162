import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReasons } from "@/features/scoring/reason-store";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { decideAdjustment, decideMany, proposeManual } from "@/features/adjustments/mutations";
import { runActivePolicy } from "@/features/policy-runs/mutations";
import { applyDueLimitChanges } from "@/features/due-changes/mutations";
import { decideAppeal, recordAppeal } from "@/features/appeals/mutations";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { backend, closeAppDb, openAppDb, pendingBorrowerIds, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e) => (e instanceof ApiError ? e.status : 500));
const DAY = 86_400_000;
const limitOf = async (borrowerId: number) => (await (await getPrisma()).borrowerState.findUniqueOrThrow({ where: { borrowerId } })).limit;

describe(`limit adjustments on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  const propose = (borrowerId: number, newLimit: number) =>
    proposeManual({ borrowerId, newLimit, reason: "Customer request reviewed with income proof" }, { actor: u.analyst });
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 2000, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  });
  afterAll(async () => closeAppDb(db));

  it("runs the active policy once per (version, month), one PENDING adjustment per borrower", async () => {
    const first = await runActivePolicy({ actor: u.analyst });
    expect(first.alreadyRan).toBe(false);
    expect(first.created).toBeGreaterThan(100);
    const again = await runActivePolicy({ actor: u.analyst2 });
    expect(again).toMatchObject({ alreadyRan: true, created: 0 });
    const prisma = await getPrisma();
    expect(await prisma.adjustment.count({ where: { status: "PENDING" } })).toBe(first.created);
    const pending = await prisma.adjustment.findFirstOrThrow({ where: { status: "PENDING" } });
    const err = await propose(pending.borrowerId, pending.oldLimit + 1000).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(err.message).toContain(pending.id);
  });

  it("gives exactly one of 20 concurrent approvals the win: one LimitChange, one audit event", async () => {
    const prisma = await getPrisma();
    const adj = await prisma.adjustment.findFirstOrThrow({ where: { status: "PENDING", delta: { gt: 0 }, requiredApprovals: 1 } });
    const results = await Promise.all(Array.from({ length: 20 }, () => statusOf(decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.manager }))));
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 409)).toHaveLength(19);
    expect(await prisma.limitChange.count({ where: { adjustmentId: adj.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: adj.id, action: "adjustment.approved" } })).toBe(1);
    expect(await limitOf(adj.borrowerId)).toBe(adj.newLimit);
  });

  it("replays the first answer to 20 concurrent requests with one Idempotency-Key", async () => {
    const prisma = await getPrisma();
    const adj = await prisma.adjustment.findFirstOrThrow({ where: { status: "PENDING", delta: { gt: 0 }, requiredApprovals: 1 } });
    const ctx = { actor: u.manager2, idempotencyKey: "key-123" };
    const answers = await Promise.all(Array.from({ length: 20 }, () => decideAdjustment(adj.id, "APPROVE", "ok", ctx)));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0].adjustment.status).toBe("APPROVED");
    expect(await prisma.limitChange.count({ where: { adjustmentId: adj.id } })).toBe(1);
    expect(await decideAdjustment(adj.id, "APPROVE", "ok", ctx)).toEqual(answers[0]);
    expect(await statusOf(decideAdjustment(adj.id, "APPROVE", "ok", { actor: u.manager2 }))).toBe(409);
  });

  it("refuses the proposer, needs two different approvers above the threshold, and lets a rejection end it", async () => {
    const prisma = await getPrisma();
    // Within every policy rule (not an override): the threshold alone asks for two approvers.
    const borrower = await prisma.borrowerState.findFirstOrThrow({
      where: { borrowerId: { notIn: await pendingBorrowerIds() }, tier: "LOW", monthsSinceDelay: { gte: 3 }, limit: { gte: 300_000, lte: 700_000 } },
    });
    const big = await propose(borrower.borrowerId, borrower.limit + 300_000);
    expect(big.override).toBeNull();
    expect(big.requiredApprovals).toBe(2);
    expect(await statusOf(decideAdjustment(big.id, "APPROVE", undefined, { actor: u.analyst }))).toBe(403);
    expect((await decideAdjustment(big.id, "APPROVE", undefined, { actor: u.manager })).adjustment).toMatchObject({ status: "PENDING", approvals: 1 });
    expect(await statusOf(decideAdjustment(big.id, "APPROVE", undefined, { actor: u.manager }))).toBe(409);
    const rejected = await decideAdjustment(big.id, "REJECT", "income not verified", { actor: u.manager2 });
    expect(rejected.adjustment.status).toBe("REJECTED");
    expect(rejected.limitChange).toBeNull();
    expect(await limitOf(borrower.borrowerId)).toBe(borrower.limit);
  });

  it("bulk-approves the rest when one item was already decided, reporting that one", async () => {
    const prisma = await getPrisma();
    const items = await prisma.adjustment.findMany({ where: { status: "PENDING", requiredApprovals: 1 }, take: 3 });
    await decideAdjustment(items[0].id, "REJECT", "not now", { actor: u.manager });
    const { results } = await decideMany(items.map((i) => i.id).concat("missing"), "APPROVE", undefined, { actor: u.admin });
    expect(results.map((r) => r.status)).toEqual([409, 200, 200, 404]);
    expect(results[1].outcome).toBe("APPROVED");
  });

  it("schedules a decrease with a notice, applies it on its date, and reverses it on appeal", async () => {
    const prisma = await getPrisma();
    const cut = await prisma.adjustment.findFirstOrThrow({ where: { status: "PENDING", delta: { lt: 0 }, requiredApprovals: 1 } });
    const t0 = new Date("2026-03-01T00:00:00Z");
    const { limitChange } = await decideAdjustment(cut.id, "APPROVE", undefined, { actor: u.manager, now: t0 });
    expect(limitChange).toMatchObject({ status: "SCHEDULED", effectiveDate: new Date(t0.getTime() + 45 * DAY).toISOString() });
    const notice = await prisma.borrowerNotice.findFirstOrThrow({ where: { limitChangeId: limitChange!.id } });
    expect(notice.text).toContain(`on ${new Date(t0.getTime() + 45 * DAY).toISOString().slice(0, 10)}`);
    expect(await applyDueLimitChanges(new Date(t0.getTime() + 44 * DAY))).toBe(0);
    expect(await limitOf(cut.borrowerId)).toBe(cut.oldLimit);
    expect(await applyDueLimitChanges(new Date(t0.getTime() + 45 * DAY))).toBe(1);
    expect(await applyDueLimitChanges(new Date(t0.getTime() + 46 * DAY))).toBe(0);
    expect(await limitOf(cut.borrowerId)).toBe(cut.newLimit);

    const appeal = await recordAppeal({ limitChangeId: limitChange!.id, channel: "PHONE", text: "Income rose; please review." }, { actor: u.analyst, now: t0 });
    expect(appeal.dueAt).toBe(new Date(t0.getTime() + 15 * DAY).toISOString());
    expect(await statusOf(decideAppeal(appeal.id, { decision: "reverse", comment: "agreed" }, { actor: u.manager }))).toBe(403);
    const reversed = await decideAppeal(appeal.id, { decision: "reverse", comment: "income verified" }, { actor: u.manager2 });
    expect(reversed.status).toBe("REVERSED");
    expect(await limitOf(cut.borrowerId)).toBe(cut.oldLimit);
    expect(await prisma.limitChange.count({ where: { appealId: appeal.id, status: "APPLIED", newLimit: cut.oldLimit } })).toBe(1);
    // Issue 11 §3: the cut's notice gives the credit left and advice; the reversal tells the borrower.
    const state = await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId: cut.borrowerId } });
    const owed = Math.max(state.balance, 0);
    expect(notice.kind).toBe("DECREASE");
    expect(notice.text).toContain(`With your current balance of NT$${owed.toLocaleString("en-US")} you will have NT$${Math.max(cut.newLimit - owed, 0).toLocaleString("en-US")} available.`);
    expect(notice.text).toContain("What you can do: ");
    const restored = await prisma.borrowerNotice.findFirstOrThrow({ where: { borrowerId: cut.borrowerId, kind: "RESTORED" } });
    expect(restored.text).toContain(`back from NT$${cut.newLimit.toLocaleString("en-US")} to NT$${cut.oldLimit.toLocaleString("en-US")}`);
  });

  it("tells the borrower of an increase with positive reasons only and the credit then available", async () => {
    const prisma = await getPrisma();
    const inc = await prisma.adjustment.findFirstOrThrow({ where: { status: "PENDING", delta: { gt: 0 }, requiredApprovals: 1 } });
    const { adjustment, limitChange } = await decideAdjustment(inc.id, "APPROVE", undefined, { actor: u.manager });
    const adverse = new Set((await import("@/features/scoring/model-types")).loadModel().characteristics.flatMap((c) => [c.reasonText, ...c.bins.flatMap((b) => (b.reasonText ? [b.reasonText] : []))]));
    expect(adjustment.reasonCodes.length).toBeGreaterThan(0);
    for (const r of adjustment.reasonCodes) expect(adverse.has(r.text)).toBe(false);
    const notice = await prisma.borrowerNotice.findFirstOrThrow({ where: { limitChangeId: limitChange!.id } });
    const state = await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId: inc.borrowerId } });
    expect(notice.kind).toBe("INCREASE");
    expect(notice.text).toContain(`raised from NT$${inc.oldLimit.toLocaleString("en-US")} to NT$${inc.newLimit.toLocaleString("en-US")}`);
    expect(notice.text).toContain(`you have NT$${Math.max(inc.newLimit - Math.max(state.balance, 0), 0).toLocaleString("en-US")} available`);
    const told = readReasons(notice.reasonCodes);
    expect(told.length).toBeGreaterThan(0);
    for (const r of told) expect(adverse.has(r.text)).toBe(false);
  });

  it("cancels a still-scheduled cut reversed on appeal, so it never applies", async () => {
    const prisma = await getPrisma();
    const cut = await prisma.adjustment.findFirstOrThrow({ where: { status: "PENDING", delta: { lt: 0 }, requiredApprovals: 1 } });
    const t0 = new Date("2026-05-01T00:00:00Z");
    const { limitChange } = await decideAdjustment(cut.id, "APPROVE", undefined, { actor: u.manager, now: t0 });
    const appeal = await recordAppeal({ limitChangeId: limitChange!.id, channel: "EMAIL", text: "Please reconsider the reduction." }, { actor: u.analyst, now: t0 });
    await decideAppeal(appeal.id, { decision: "reverse", comment: "error in the data" }, { actor: u.manager2, now: t0 });
    expect((await prisma.limitChange.findUniqueOrThrow({ where: { id: limitChange!.id } })).status).toBe("CANCELLED");
    expect(await prisma.limitChange.count({ where: { appealId: appeal.id } })).toBe(0);
    expect(await applyDueLimitChanges(new Date(t0.getTime() + 60 * DAY))).toBe(0);
    expect(await limitOf(cut.borrowerId)).toBe(cut.oldLimit);
  });
});
