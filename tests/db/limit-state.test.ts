// One current state under change: the overwrite sequences of issue 7, the manual-cut floor, and
// every reader (list, CSV, overview, borrower page, preview caches) agreeing on every limit.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { decideAdjustment, proposeManual } from "@/features/adjustments/mutations";
import { getAdjustment, listAdjustments } from "@/features/adjustments/data";
import { adjustmentListQuerySchema } from "@/features/adjustments/schema";
import { applyDueLimitChanges } from "@/features/due-changes/mutations";
import { decideAppeal, recordAppeal } from "@/features/appeals/mutations";
import { allBorrowers, getBorrower } from "@/features/borrowers/data";
import { borrowerListQuerySchema } from "@/features/borrowers/schema";
import { borrowersCsv } from "@/features/borrowers/csv";
import { getOverview } from "@/features/overview/data";
import { refreshPortfolioSummary } from "@/features/borrowers/mutations";
import { dbColumnsSource, getActivePolicy } from "@/features/policy/data";
import { PortfolioColumnsCache } from "@/features/policy/preview/columns-cache";
import { previewPolicy } from "@/features/policy/preview/preview";
import { activate, createDraft, decide } from "@/features/policy/mutations";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const DAY = 86_400_000;
const T0 = new Date("2026-03-01T00:00:00Z");
const after = (days: number) => new Date(T0.getTime() + days * DAY);
const ntd = (n: number) => `NT$${n.toLocaleString("en-US")}`;
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

describe(`one current state under change on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  const touched = new Set<number>();
  let candidates: Array<{ borrowerId: number; limit: number; balance: number }> = [];
  const cacheA = new PortfolioColumnsCache(dbColumnsSource());
  const cacheB = new PortfolioColumnsCache(dbColumnsSource());
  const limitOf = async (borrowerId: number) => (await (await getPrisma()).borrowerState.findUniqueOrThrow({ where: { borrowerId } })).limit;
  const nextBorrower = () => {
    const b = candidates.shift()!;
    touched.add(b.borrowerId);
    return b;
  };
  const propose = (borrowerId: number, newLimit: number) =>
    proposeManual({ borrowerId, newLimit, reason: "Reviewed with the customer's documents" }, { actor: u.analyst });
  const approve = (id: string, now = T0) => decideAdjustment(id, "APPROVE", undefined, { actor: u.manager, now });

  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 2000, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
    // LOW tier, no recent delay: the manual changes below break no policy rule (no overrides).
    candidates = await (await getPrisma()).borrowerState.findMany({
      where: { limit: { gte: 100_000, lte: 500_000 }, balance: { gte: 1_000, lt: 20_000 }, tier: "LOW", monthsSinceDelay: { gte: 3 } }, orderBy: { borrowerId: "asc" }, take: 20,
    });
    await Promise.all([cacheA.get(), cacheB.get()]);
  });
  afterAll(async () => closeAppDb(db));

  it("answers 409 naming both limits when the proposal's base is stale, and marks it stale", async () => {
    const b = nextBorrower();
    const cut = await propose(b.borrowerId, b.limit - 50_000);
    const { limitChange } = await approve(cut.id);
    expect(await applyDueLimitChanges(after(45))).toBe(1);
    expect(await limitOf(b.borrowerId)).toBe(b.limit - 50_000);
    const increase = await propose(b.borrowerId, b.limit - 40_000); // proposed against the cut limit
    const appeal = await recordAppeal({ limitChangeId: limitChange!.id, channel: "PHONE", text: "My income has gone up." }, { actor: u.analyst, now: after(46) });
    await decideAppeal(appeal.id, { decision: "reverse", comment: "income verified" }, { actor: u.manager2, now: after(47) });
    expect(await limitOf(b.borrowerId)).toBe(b.limit);

    const err = await errorOf(approve(increase.id, after(48)));
    expect(err?.status).toBe(409);
    expect(err?.message).toContain(ntd(b.limit));
    expect(err?.message).toContain(ntd(b.limit - 50_000));
    expect(await limitOf(b.borrowerId)).toBe(b.limit); // never an unapproved cut to limit − 40,000
    expect(await getAdjustment(increase.id)).toMatchObject({ status: "PENDING", stale: true, currentLimit: b.limit });
    const inbox = await listAdjustments(adjustmentListQuerySchema.parse({ borrowerId: String(b.borrowerId), status: "PENDING" }));
    expect(inbox.items.map((a) => [a.id, a.stale])).toEqual([[increase.id, true]]);
    await decideAdjustment(increase.id, "REJECT", "stale, re-proposed", { actor: u.manager }); // rejecting a stale one is allowed
  });

  it("supersedes a scheduled cut when a later change is approved: audited, notice sent, never applied", async () => {
    const b = nextBorrower();
    const cut = await propose(b.borrowerId, b.limit - 50_000);
    const { limitChange: scheduled } = await approve(cut.id);
    expect(scheduled?.status).toBe("SCHEDULED");
    const increase = await propose(b.borrowerId, b.limit + 50_000);
    await approve(increase.id, after(1));
    expect(await limitOf(b.borrowerId)).toBe(b.limit + 50_000);
    const prisma = await getPrisma();
    expect((await prisma.limitChange.findUniqueOrThrow({ where: { id: scheduled!.id } })).status).toBe("SUPERSEDED");
    const notices = await prisma.borrowerNotice.findMany({ where: { limitChangeId: scheduled!.id }, orderBy: { createdAt: "asc" } });
    expect(notices.map((n) => n.kind)).toEqual(["DECREASE", "CANCELLATION"]);
    expect(notices[1].text).toContain("will not take place");
    expect(await prisma.auditEvent.count({ where: { action: "limit_change.superseded", entityId: scheduled!.id } })).toBe(1);
    expect(await applyDueLimitChanges(after(60))).toBe(0);
    expect(await limitOf(b.borrowerId)).toBe(b.limit + 50_000);
  });

  it("supersedes a due change whose base no longer holds instead of applying it", async () => {
    const b = nextBorrower();
    const first = await approve((await propose(b.borrowerId, b.limit - 30_000)).id);
    expect(await applyDueLimitChanges(after(45))).toBe(1);
    const second = await decideAdjustment((await propose(b.borrowerId, b.limit - 60_000)).id, "APPROVE", undefined, { actor: u.manager, now: after(46) });
    const appeal = await recordAppeal({ limitChangeId: first.limitChange!.id, channel: "EMAIL", text: "Please look again." }, { actor: u.analyst, now: after(46) });
    await decideAppeal(appeal.id, { decision: "reverse", comment: "agreed" }, { actor: u.manager2, now: after(47) });
    expect(await limitOf(b.borrowerId)).toBe(b.limit);
    expect(await applyDueLimitChanges(after(100))).toBe(0);
    expect(await limitOf(b.borrowerId)).toBe(b.limit);
    const prisma = await getPrisma();
    expect((await prisma.limitChange.findUniqueOrThrow({ where: { id: second.limitChange!.id } })).status).toBe("SUPERSEDED");
    expect(await prisma.borrowerNotice.count({ where: { limitChangeId: second.limitChange!.id, kind: "CANCELLATION" } })).toBe(1);
  });

  it("writes a cancellation notice when an appeal cancels a scheduled cut", async () => {
    const b = nextBorrower();
    const { limitChange } = await approve((await propose(b.borrowerId, b.limit - 20_000)).id);
    const appeal = await recordAppeal({ limitChangeId: limitChange!.id, channel: "LETTER", text: "Please reconsider." }, { actor: u.analyst, now: T0 });
    await decideAppeal(appeal.id, { decision: "reverse", comment: "data error" }, { actor: u.manager2, now: T0 });
    const prisma = await getPrisma();
    expect((await prisma.limitChange.findUniqueOrThrow({ where: { id: limitChange!.id } })).status).toBe("CANCELLED");
    expect(await prisma.borrowerNotice.count({ where: { limitChangeId: limitChange!.id, kind: "CANCELLATION" } })).toBe(1);
  });

  it("refuses a manual cut below the balance rounded up to NT$1,000 (400 naming the floor)", async () => {
    const b = nextBorrower();
    const floor = Math.ceil(b.balance / 1000) * 1000;
    const err = await errorOf(propose(b.borrowerId, floor - 1000));
    expect(err?.status).toBe(400);
    expect(err?.message).toContain(ntd(floor));
    expect(err?.issues?.[0].field).toBe("body.newLimit");
    expect(await (await getPrisma()).adjustment.count({ where: { borrowerId: b.borrowerId } })).toBe(0);
    const ok = await propose(b.borrowerId, floor);
    expect(ok.newLimit).toBe(floor);
    await approve(ok.id);
  });

  it("keeps list, CSV, overview, borrower page and both preview caches in agreement on every limit", async () => {
    for (let k = 0; k < 3; k++) {
      const x = nextBorrower();
      await approve((await propose(x.borrowerId, x.limit + 10_000 * (k + 1))).id);
    }
    await applyDueLimitChanges(after(200));
    const items = await allBorrowers(borrowerListQuerySchema.parse({}));
    const listed = new Map(items.map((i) => [i.id, i.limit]));
    for (const i of items) expect(i.availableCredit).toBe(i.limit - i.balance);
    const csv = parse(borrowersCsv(items), { columns: true }) as Array<Record<string, string>>;
    expect(new Map(csv.map((r) => [Number(r.id), Number(r.limit)]))).toEqual(listed);
    const overview = await getOverview();
    const total = [...listed.values()].reduce((s, l) => s + l, 0);
    expect(overview.exposure).toBe(total);
    // The summary maintained change by change equals one recomputed from scratch.
    await (await getPrisma()).$transaction((tx) => refreshPortfolioSummary(tx, 0));
    const recomputed = await getOverview();
    expect(recomputed.averagePd).toBeCloseTo(overview.averagePd, 12); // a float sum: the order may differ
    expect({ ...recomputed, averagePd: 0 }).toEqual({ ...overview, averagePd: 0 });
    for (const id of touched) {
      const detail = await getBorrower(id);
      expect(detail?.limit).toBe(listed.get(id));
      expect(detail?.availableCredit).toBe(detail!.limit - detail!.balance);
    }
    const active = (await getActivePolicy())!;
    for (const cache of [cacheA, cacheB]) {
      const cols = await cache.get();
      expect(cache.last?.kind).toBe("delta");
      const inMemory = new Map<number, number>();
      for (let i = 0; i < cols.n; i++) inMemory.set(cols.id[i], cols.limit[i]);
      expect(inMemory).toEqual(listed);
      expect(previewPolicy(cols, active.config, active.config).exposure.before).toBe(overview.exposure);
    }
  });

  it("brings two caches on one database up to date by reading only the changed rows", async () => {
    const [a, b] = [await cacheA.get(), await cacheB.get()];
    expect(cacheA.portfolioVersion).toBe(cacheB.portfolioVersion);
    const borrowers = [nextBorrower(), nextBorrower(), nextBorrower()];
    for (const x of borrowers) await approve((await propose(x.borrowerId, x.limit + 20_000)).id);
    for (const cache of [cacheA, cacheB]) {
      const cols = await cache.get();
      expect(cache.last).toMatchObject({ kind: "delta", rows: 3 });
      for (const x of borrowers) expect(cols.limit[cols.id.indexOf(x.borrowerId)]).toBe(x.limit + 20_000);
    }
    expect(await cacheA.get()).toBe(a); // same arrays, updated in place
    expect(cacheA.last).toMatchObject({ kind: "delta", rows: 0 });
    expect(await cacheB.get()).toBe(b);
  });

  it("runs approvals, due changes and a policy activation concurrently without deadlock, every cache seeing all of it", async () => {
    const draft = await createDraft({ config: { ...DEFAULT_POLICY, cutoffs: { low: 720, medium: 610 } }, name: "Concurrent" }, { actor: u.analyst });
    await decide(draft.id, "submit", { actor: u.analyst });
    await decide(draft.id, "approve", { actor: u.manager, comment: "ok" });
    const borrowers = [nextBorrower(), nextBorrower(), nextBorrower(), nextBorrower()];
    const proposals = await Promise.all(borrowers.map((x) => propose(x.borrowerId, x.limit + 30_000)));
    const results = await Promise.allSettled([
      activate(draft.id, { actor: u.manager2 }),
      ...proposals.map((p) => approve(p.id, after(300))),
      applyDueLimitChanges(after(300)),
    ]);
    expect(results.map((r) => r.status)).toEqual(results.map(() => "fulfilled"));
    const prisma = await getPrisma();
    const states = await prisma.borrowerState.findMany({ where: { borrowerId: { in: borrowers.map((x) => x.borrowerId) } } });
    for (const x of borrowers) expect(states.find((st) => st.borrowerId === x.borrowerId)?.limit).toBe(x.limit + 30_000);
    for (const cache of [cacheA, cacheB]) {
      const cols = await cache.get();
      for (const x of borrowers) expect(cols.limit[cols.id.indexOf(x.borrowerId)]).toBe(x.limit + 30_000);
    }
    const overview = await getOverview();
    expect(overview.exposure).toBe(Number((await prisma.borrowerState.aggregate({ _sum: { limit: true } }))._sum.limit));
    expect(overview.tierMix.LOW).toBe(await prisma.borrowerState.count({ where: { tier: "LOW" } }));
  });
});
