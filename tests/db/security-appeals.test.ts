// Issue 9 §8: an ADMIN who proposed a cut could uphold the appeal against it; a reversed cut
// could be appealed and reversed again; `receivedAt` in 2999 was accepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { decideAdjustment, proposeManual } from "@/features/adjustments/mutations";
import { decideAppeal, recordAppeal } from "@/features/appeals/mutations";
import { getPrisma } from "@/lib/db/client";
import { listAppeals } from "@/features/appeals/data";
import { ApiError } from "@/lib/api/errors";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e) => (e instanceof ApiError ? e.status : 500));
const DAY = 86_400_000;

describe(`appeal rules on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  const t0 = new Date("2026-03-01T00:00:00Z");
  /** A cut of borrower `id` proposed by the admin and approved by the manager at t0. */
  async function adminCut(borrowerId: number) {
    const prisma = await getPrisma();
    const b = await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId } });
    const adj = await proposeManual({ borrowerId, newLimit: b.limit - 10_000, reason: "Review of repayment behaviour" }, { actor: u.admin });
    const { limitChange } = await decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.manager, now: t0 });
    return limitChange!;
  }
  const appeal = (limitChangeId: string, extra: { receivedAt?: string } = {}, actor = u.admin, now = new Date(t0.getTime() + DAY)) =>
    recordAppeal({ limitChangeId, channel: "PHONE", text: "Income rose; please review.", ...extra }, { actor, now });

  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 300, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  });
  afterAll(async () => closeAppDb(db));

  it("lets the proposing ADMIN record the appeal but never decide it; the approver neither", async () => {
    const prisma = await getPrisma();
    const borrower = await prisma.borrower.findFirstOrThrow({ where: { state: { limit: { gte: 50_000 } } }, orderBy: { id: "asc" } });
    const change = await adminCut(borrower.id);
    const a = await appeal(change.id);
    expect(await statusOf(decideAppeal(a.id, { decision: "uphold", comment: "cut stands" }, { actor: u.admin }))).toBe(403);
    expect(await statusOf(decideAppeal(a.id, { decision: "reverse", comment: "undo it" }, { actor: u.manager }))).toBe(403);
    expect((await prisma.appeal.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPEN");
    // The inbox hides the decision buttons from exactly those the server refuses (issue 11 §6).
    const listed = (await listAppeals("OPEN", t0)).find((x) => x.id === a.id);
    expect(listed?.excludedDeciders?.sort()).toEqual([u.admin.email, u.manager.email].sort());
    expect((await decideAppeal(a.id, { decision: "uphold", comment: "cut stands" }, { actor: u.manager2 })).status).toBe("UPHELD");
  });

  it("allows one open appeal per change, also under concurrency, and none once reversed", async () => {
    const prisma = await getPrisma();
    const borrower = await prisma.borrower.findFirstOrThrow({ where: { state: { limit: { gte: 50_000 } } }, orderBy: { id: "desc" } });
    const change = await adminCut(borrower.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => statusOf(appeal(change.id))));
    expect(results.sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const open = await prisma.appeal.findFirstOrThrow({ where: { limitChangeId: change.id, status: "OPEN" } });
    await decideAppeal(open.id, { decision: "reverse", comment: "income verified" }, { actor: u.manager2, now: new Date(t0.getTime() + 2 * DAY) });
    const err = await appeal(change.id).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.message]).toEqual([409, "This decrease was cancelled: there is nothing to appeal."]);
    expect(await prisma.appeal.count({ where: { limitChangeId: change.id } })).toBe(1);
  });

  it("refuses a receivedAt in the future or before the cut was decided, with a field error", async () => {
    const prisma = await getPrisma();
    const borrower = await prisma.borrower.findFirstOrThrow({ where: { state: { limit: { gte: 50_000 } } }, orderBy: { id: "asc" }, skip: 1 });
    const change = await adminCut(borrower.id);
    for (const receivedAt of ["2999-01-01T00:00:00Z", "2026-02-28T00:00:00Z"]) {
      const err = await appeal(change.id, { receivedAt }).catch((e) => e);
      expect(err, receivedAt).toBeInstanceOf(ApiError);
      expect([err.status, err.issues?.[0]?.field], receivedAt).toEqual([400, "body.receivedAt"]);
    }
    expect(await prisma.appeal.count({ where: { limitChangeId: change.id } })).toBe(0);
    expect((await appeal(change.id, { receivedAt: "2026-03-01T12:00:00Z" })).status).toBe("OPEN");
  });
});
