import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { decideAdjustment, proposeManual } from "@/features/adjustments/mutations";
import { checkProposal } from "@/features/adjustments/data";
import { getOverrideReport } from "@/features/overrides/data";
import { updateSettings } from "@/features/settings/mutations";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { backend, closeAppDb, openAppDb, pendingBorrowerIds, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const REASON = "Customer request reviewed with income proof";
const OVERRIDE = { reason: "VERIFIED_INCOME", text: "Salary slips for 12 months checked by the branch" };
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => { if (!(e instanceof ApiError)) throw e; return e; });

describe(`override guardrails on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 2000, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  });
  afterAll(async () => closeAppDb(db));

  /** A borrower without a pending adjustment matching `where`, picked in id order. */
  const borrower = async (where: Record<string, unknown>) =>
    (await getPrisma()).borrowerState.findFirstOrThrow({ where: { borrowerId: { notIn: await pendingBorrowerIds() }, ...where }, orderBy: { borrowerId: "asc" } });

  it("refuses a limit above the per-borrower ceiling outright, override or not, and stores nothing", async () => {
    const b = await borrower({ tier: "MEDIUM", limit: { lte: 200_000 } });
    const err = await failure(proposeManual({ borrowerId: b.borrowerId, newLimit: 5_000_000, reason: REASON, override: OVERRIDE }, { actor: u.analyst }));
    expect(err.status).toBe(400);
    expect(err.issues).toEqual([{ field: "body.newLimit", message: expect.stringContaining("NT$2,000,000") }]);
    expect(await (await getPrisma()).adjustment.count({ where: { borrowerId: b.borrowerId } })).toBe(0);
  });

  it("names every broken rule and needs an override reason; with one it needs two approvers, one an ADMIN", async () => {
    const b = await borrower({ tier: "MEDIUM", limit: { lte: 200_000 }, monthsSinceDelay: { gte: 3 } });
    const input = { borrowerId: b.borrowerId, newLimit: 1_500_000, reason: REASON };
    const err = await failure(proposeManual(input, { actor: u.analyst }));
    expect(err.status).toBe(400);
    expect(err.issues?.map((i) => i.message.split(":")[0])).toEqual(["ABOVE_MAX_LIMIT", "CHANGE_TOO_LARGE"]);
    const adj = await proposeManual({ ...input, override: OVERRIDE }, { actor: u.analyst });
    expect(adj.override).toEqual({
      rules: [expect.objectContaining({ code: "ABOVE_MAX_LIMIT" }), expect.objectContaining({ code: "CHANGE_TOO_LARGE" })],
      reason: "VERIFIED_INCOME", text: OVERRIDE.text, needsAdmin: true,
    });
    expect(adj.requiredApprovals).toBe(2);
    expect((await decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.manager })).adjustment).toMatchObject({ status: "PENDING", approvals: 1 });
    const second = await failure(decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.manager2 }));
    expect(second.status).toBe(403);
    expect(second.message).toContain("ADMIN");
    const done = await decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.admin });
    expect(done.adjustment.status).toBe("APPROVED");
    expect(done.adjustment.decisions.map((d) => d.deciderRole)).toEqual(["MANAGER", "ADMIN"]);
    const audit = await (await getPrisma()).auditEvent.findFirstOrThrow({ where: { entityId: adj.id, action: "adjustment.proposed" } });
    expect(audit.after).toMatchObject({ override: { reason: "VERIFIED_INCOME", rules: [{ code: "ABOVE_MAX_LIMIT" }, { code: "CHANGE_TOO_LARGE" }] } });
  });

  it("treats an increase for a HIGH-tier borrower and one after a recent delay as overrides", async () => {
    const high = await borrower({ tier: "HIGH", monthsSinceDelay: { gte: 3 } });
    const e1 = await failure(proposeManual({ borrowerId: high.borrowerId, newLimit: high.limit + 1000, reason: REASON }, { actor: u.analyst }));
    expect(e1.issues?.map((i) => i.message.split(":")[0])).toEqual(["INCREASE_HIGH_TIER"]);
    const late = await borrower({ tier: { not: "HIGH" }, monthsSinceDelay: { lt: 3 } });
    const e2 = await failure(proposeManual({ borrowerId: late.borrowerId, newLimit: late.limit + 1000, reason: REASON }, { actor: u.analyst }));
    expect(e2.issues?.map((i) => i.message.split(":")[0])).toEqual(["INCREASE_AFTER_DELAY"]);
  });

  it("refuses an override reason for a proposal that breaks no rule, and takes the plain proposal", async () => {
    const b = await borrower({ tier: "LOW", monthsSinceDelay: { gte: 3 }, limit: { gte: 50_000, lte: 400_000 } });
    const input = { borrowerId: b.borrowerId, newLimit: b.limit + 10_000, reason: REASON };
    expect((await failure(proposeManual({ ...input, override: OVERRIDE }, { actor: u.analyst }))).issues).toEqual([
      { field: "body.override", message: expect.stringContaining("not an override") },
    ]);
    const plain = await proposeManual(input, { actor: u.analyst });
    expect(plain).toMatchObject({ override: null, requiredApprovals: 1 });
  });

  it("follows the authority settings, and applies nothing above a ceiling lowered after the proposal", async () => {
    await updateSettings({ overrideApprovals: 1, overrideNeedsAdmin: false }, { actor: u.admin });
    const b = await borrower({ tier: "HIGH", monthsSinceDelay: { gte: 3 }, limit: { gte: 100_000 } });
    const adj = await proposeManual({ borrowerId: b.borrowerId, newLimit: b.limit + 10_000, reason: REASON, override: { reason: "COLLATERAL", text: "Term deposit pledged as security" } }, { actor: u.analyst });
    expect(adj).toMatchObject({ requiredApprovals: 1, override: { needsAdmin: false } });
    await updateSettings({ maxLimitPerBorrower: b.limit }, { actor: u.admin });
    const err = await failure(decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.manager }));
    expect(err.status).toBe(409);
    expect((await (await getPrisma()).borrowerState.findUniqueOrThrow({ where: { borrowerId: b.borrowerId } })).limit).toBe(b.limit);
    await updateSettings({ maxLimitPerBorrower: 2_000_000, overrideApprovals: 2, overrideNeedsAdmin: true }, { actor: u.admin });
  });

  it("checks a proposal before it is made, as the form does", async () => {
    const b = await borrower({ tier: "HIGH", monthsSinceDelay: { gte: 3 } });
    expect(await checkProposal(b.borrowerId, b.limit + 1000)).toMatchObject({ override: true, rules: [{ code: "INCREASE_HIGH_TIER" }], requiredApprovals: 2, needsAdmin: true, aboveCeiling: null });
    expect(await checkProposal(b.borrowerId, 2_001_000)).toMatchObject({ aboveCeiling: expect.stringContaining("NT$2,000,000") });
    expect(await checkProposal(b.borrowerId, b.limit - 1000)).toMatchObject({ override: false, rules: [], requiredApprovals: 1, needsAdmin: false });
  });

  it("reports the override rate by proposer, tier and month, with the overridden borrowers' outcomes", async () => {
    const prisma = await getPrisma();
    const manual = await prisma.adjustment.findMany({ where: { source: "MANUAL" }, });
    const overridden = manual.filter((a) => a.overrideRules);
    const outcomes = await prisma.borrower.findMany({ where: { id: { in: overridden.map((a) => a.borrowerId) } }, select: { outcome: true } });
    const report = await getOverrideReport();
    expect(report.byProposer).toEqual([expect.objectContaining({
      key: u.analyst.email, proposals: manual.length, overrides: overridden.length, approved: 1, rejected: 0, pending: 1,
      outcomesKnown: overridden.length, defaulted: outcomes.filter((o) => o.outcome === 1).length,
    })]);
    expect(overridden).toHaveLength(2);
    expect(report.byTier.map((g) => g.key)).toEqual(["HIGH", "LOW", "MEDIUM"]);
    expect(report.byRule.map((r) => r.rule)).toEqual(["ABOVE_MAX_LIMIT", "CHANGE_TOO_LARGE", "INCREASE_HIGH_TIER"]);
  });
});
