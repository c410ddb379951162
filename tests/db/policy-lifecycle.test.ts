import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { activate, createDraft, decide, discardDraft, updateDraft } from "@/features/policy/mutations";
import { getActivePolicy, listPolicies } from "@/features/policy/data";
import { getOverview } from "@/features/overview/data";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e) => (e instanceof ApiError ? e.status : 500));

describe(`policy versions and approval on ${backend}`, () => {
  let db: TestDb;
  const users: Record<string, Actor> = {};
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 3000, log: () => undefined });
    for (const u of await (await getPrisma()).user.findMany()) users[u.email.split("@")[0]] = { id: u.id, email: u.email };
  });
  afterAll(async () => closeAppDb(db));

  it("runs draft → submitted → approved → active, re-tiers the current state (not the history) and audits every step", async () => {
    const prisma = await getPrisma();
    const history = await prisma.score.findMany({ where: { month: "2005-09" }, orderBy: { borrowerId: "asc" }, select: { borrowerId: true, tier: true, tierChange: true } });
    const before = new Map((await prisma.borrowerState.findMany()).map((s) => [s.borrowerId, s]));
    const seq0 = (await prisma.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    const draft = await createDraft({ config: DEFAULT_POLICY, name: "Stricter" }, { actor: users.analyst });
    const stricter = { ...DEFAULT_POLICY, cutoffs: { low: 740, medium: 680 } };
    await updateDraft(draft.id, { config: stricter }, { actor: users.analyst });
    expect(await statusOf(updateDraft(draft.id, { config: stricter }, { actor: users.analyst2 }))).toBe(403);
    await decide(draft.id, "submit", { actor: users.analyst });
    expect(await statusOf(updateDraft(draft.id, { config: DEFAULT_POLICY }, { actor: users.analyst }))).toBe(409);
    expect(await statusOf(decide(draft.id, "approve", { actor: users.analyst }))).toBe(403);
    await decide(draft.id, "approve", { actor: users.manager, comment: "ok" });
    const old = await getActivePolicy();
    const active = await activate(draft.id, { actor: users.manager2 });
    expect(active.status).toBe("ACTIVE");
    expect((await prisma.policy.findUnique({ where: { id: old!.id } }))?.status).toBe("RETIRED");
    expect(await prisma.policy.count({ where: { status: "ACTIVE" } })).toBe(1);
    const wrong = await prisma.borrowerState.count({
      where: { OR: [{ tier: "LOW", score: { lt: 740 } }, { tier: "HIGH", score: { gte: 680 } }, { tier: "MEDIUM", NOT: { score: { gte: 680, lt: 740 } } }] },
    });
    expect(wrong).toBe(0);
    // Every borrower whose tier moved now says so, with the policy as the cause; the others are untouched.
    const after = await prisma.borrowerState.findMany();
    const moved = after.filter((s) => s.tier !== before.get(s.borrowerId)!.tier);
    expect(moved.length).toBeGreaterThan(100);
    for (const s of moved) expect([s.tierChangeCause, s.previousTier, s.tierChange]).toEqual(["POLICY", before.get(s.borrowerId)!.tier, 1]);
    expect(new Set(moved.map((s) => s.version)).size).toBe(1);
    for (const s of after.filter((x) => x.tier === before.get(x.borrowerId)!.tier)) expect(s.version).toBe(before.get(s.borrowerId)!.version);
    // The overview's maintained summary follows the re-tiering.
    const overview = await getOverview();
    for (const tier of ["LOW", "MEDIUM", "HIGH"] as const) expect(overview.tierMix[tier]).toBe(after.filter((s) => s.tier === tier).length);
    expect(overview.tierChanges.up).toBe(after.filter((s) => s.tierChange === 1).length);
    // Issue 11 §5: moves split by cause; the trend keeps each month's tiers as scored.
    const up = after.filter((s) => s.tierChange === 1);
    expect(overview.tierChanges).toMatchObject({
      upPolicy: up.filter((s) => s.tierChangeCause === "POLICY").length,
      upScore: up.filter((s) => s.tierChangeCause !== "POLICY").length,
    });
    expect(overview.tierChanges.upPolicy).toBe(moved.length);
    const scored = await prisma.score.groupBy({ by: ["tier"], where: { month: "2005-09" }, _count: true });
    const sept = overview.tiersByMonth.find((m) => m.month === "2005-09")!;
    for (const g of scored) expect(sept[g.tier]).toBe(g._count);
    expect(sept).not.toEqual({ month: "2005-09", ...overview.tierMix });
    // The monthly history keeps the tiers it was scored with.
    expect(await prisma.score.findMany({ where: { month: "2005-09" }, orderBy: { borrowerId: "asc" }, select: { borrowerId: true, tier: true, tierChange: true } })).toEqual(history);
    const events = await prisma.auditEvent.findMany({ where: { seq: { gt: seq0 } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["policy.created", "policy.updated", "policy.submitted", "policy.approved", "policy.retired", "policy.activated"]);
  });

  it("lets exactly one of two concurrent approvals win; the other gets 409", async () => {
    const draft = await createDraft({ config: DEFAULT_POLICY }, { actor: users.analyst });
    await decide(draft.id, "submit", { actor: users.analyst });
    const results = await Promise.all([
      statusOf(decide(draft.id, "approve", { actor: users.manager })),
      statusOf(decide(draft.id, "approve", { actor: users.manager2 })),
      statusOf(decide(draft.id, "reject", { actor: users.admin, comment: "no" })),
    ]);
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 409)).toHaveLength(2);
    const prisma = await getPrisma();
    const decisions = await prisma.auditEvent.count({ where: { entityId: draft.id, action: { in: ["policy.approved", "policy.rejected"] } } });
    expect(decisions).toBe(1);
  });

  it("copies an old version into a new draft (rollback) and refuses an unknown source", async () => {
    const v1 = (await (await getPrisma()).policy.findFirst({ where: { version: 1 } }))!;
    const copy = await createDraft({ basedOnId: v1.id }, { actor: users.analyst2 });
    expect(copy).toMatchObject({ status: "DRAFT", basedOnId: v1.id, config: DEFAULT_POLICY });
    expect(await statusOf(createDraft({ basedOnId: "nope" }, { actor: users.analyst2 }))).toBe(404);
  });

  it("discards a draft: author only, audited, hidden from the list, then frozen (issue 11 §4)", async () => {
    const prisma = await getPrisma();
    const draft = await createDraft({ config: DEFAULT_POLICY, name: "Scratch" }, { actor: users.analyst });
    expect(await statusOf(discardDraft(draft.id, { actor: users.analyst2 }))).toBe(403);
    await discardDraft(draft.id, { actor: users.analyst });
    expect((await listPolicies()).map((p) => p.id)).not.toContain(draft.id);
    expect(await prisma.auditEvent.count({ where: { entityId: draft.id, action: "policy.discarded" } })).toBe(1);
    expect(await statusOf(discardDraft(draft.id, { actor: users.analyst }))).toBe(409);
    expect(await statusOf(updateDraft(draft.id, { config: DEFAULT_POLICY }, { actor: users.analyst }))).toBe(409);
    expect(await statusOf(decide(draft.id, "submit", { actor: users.analyst }))).toBe(409);
    const submitted = await createDraft({ config: DEFAULT_POLICY }, { actor: users.analyst });
    await decide(submitted.id, "submit", { actor: users.analyst });
    expect(await statusOf(discardDraft(submitted.id, { actor: users.analyst }))).toBe(409);
  });
});
