// Set-based policy runs and run-level approval on the real 30,000 borrowers: SQL rounding = TS
// rounding, the run's proposals = the preview's changes, maker-checker for the run, and an
// approval job that applies every item once, reports a stale item and leaves the big ones alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { ApiError } from "@/lib/api/errors";
import { changeFactor, roundToThousand, roundToThousandSql } from "@/features/policy/preview/rounding";
import { dbColumnsSource } from "@/features/policy/data";
import { previewPolicy } from "@/features/policy/preview/preview";
import type { PolicyConfig } from "@/features/policy/schema";
import { runActivePolicy } from "@/features/policy-runs/mutations";
import { decideRun } from "@/features/run-approvals/mutations";
import { setLimit } from "@/features/limit-changes/mutations";
import { updateSettings } from "@/features/settings/mutations";
import { auditChain } from "@/features/audit/data";
import { verifyChain } from "@/features/audit/chain";
import { getJob } from "@/features/jobs/data";
import { runJob } from "@/features/jobs/worker";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e) => (e instanceof ApiError ? e.status : 500));

describe(`set-based policy runs and run approval on ${backend} (real data)`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  }, 180_000);
  afterAll(async () => {
    await closeQueue();
    await closeAppDb(db);
  });

  it("rounds in SQL exactly as in TypeScript over every real limit and the edge values", async () => {
    const prisma = await getPrisma();
    const real = (await prisma.borrowerState.findMany({ select: { limit: true } })).map((s) => s.limit);
    const limits = [...new Set([...real, 0, 1, 499, 500, 501, 999, 1000, 1499, 1500, 2500, 2_147_483_647, 2_147_482_500, 2_147_483_500])];
    const pcts = [-100, -99.99, -33.33, -12.5, -0.01, 0, 0.01, 0.5, 5, 12.34, 33.33, 50, 100.29, 199.99, 200];
    const factors = pcts.map(changeFactor);
    const sql = `SELECT l, f, ${roundToThousandSql("l", "f")} AS p FROM unnest($1::int[]) AS l CROSS JOIN unnest($2::int[]) AS f`;
    const rows = await db.sql.query<{ l: number; f: number; p: string | number }>(sql, [limits, factors]);
    expect(rows).toHaveLength(limits.length * factors.length);
    const mismatches = rows.filter((r) => Number(r.p) !== roundToThousand(r.l, r.f));
    expect(mismatches).toEqual([]);
  });

  it("computes proposals equal to the preview's changes (count and Σ amount), in one run per version and month", async () => {
    const prisma = await getPrisma();
    const policy = await prisma.policy.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const config = policy.config as unknown as PolicyConfig;
    const { columns } = await dbColumnsSource().load();
    const preview = previewPolicy(columns, config, config);
    // Low run threshold: this run needs two approvers.
    await updateSettings({ runApprovalThreshold: 1_000_000 }, { actor: u.admin });
    const first = await runActivePolicy({ actor: u.analyst });
    expect(first.alreadyRan).toBe(false);
    const agg = await prisma.$queryRaw<Array<{ inc: number; inc_sum: bigint; dec: number; dec_sum: bigint }>>`
      SELECT count(*) FILTER (WHERE "delta" > 0)::int AS inc, coalesce(sum("delta") FILTER (WHERE "delta" > 0), 0)::bigint AS inc_sum,
             count(*) FILTER (WHERE "delta" < 0)::int AS dec, coalesce(-sum("delta") FILTER (WHERE "delta" < 0), 0)::bigint AS dec_sum
      FROM "Adjustment" WHERE "policyRunId" = ${first.run.id}`;
    expect({ increase: { count: agg[0].inc, amount: Number(agg[0].inc_sum) }, decrease: { count: agg[0].dec, amount: Number(agg[0].dec_sum) } })
      .toEqual({ increase: preview.changes.increase, decrease: preview.changes.decrease });
    expect(first.created).toBe(preview.changes.increase.count + preview.changes.decrease.count);
    expect(first.run).toMatchObject({ status: "PENDING_APPROVAL", requiredApprovals: 2, skippedPending: 0, proposals: first.created });
    const summary = first.run.summary as { exposureDelta: number; migration: number[][]; increase: { amount: number } };
    expect(summary.exposureDelta).toBe(preview.exposure.after - preview.exposure.before);
    expect(summary.migration.flat().reduce((a, b) => a + b, 0)).toBe(first.created);
    const again = await runActivePolicy({ actor: u.analyst2 });
    expect(again).toMatchObject({ alreadyRan: true, created: 0 });
    expect(again.run.id).toBe(first.run.id);
    expect(await prisma.adjustment.count({ where: { policyRunId: first.run.id } })).toBe(first.created);
  }, 120_000);

  it("is decided by two approvers other than the starter, applies every item once, reports a stale item and leaves individual items", async () => {
    const prisma = await getPrisma();
    const run = await prisma.policyRun.findFirstOrThrow({ where: { status: "PENDING_APPROVAL" } });
    expect(await statusOf(decideRun(run.id, "APPROVE", undefined, { actor: u.analyst }))).toBe(403);
    expect(await decideRun(run.id, "APPROVE", undefined, { actor: u.manager })).toEqual({ jobId: null, status: "PENDING_APPROVAL" });
    expect(await statusOf(decideRun(run.id, "APPROVE", undefined, { actor: u.manager }))).toBe(409);

    // Another decision changes one run item's borrower before the run is applied: that item is stale.
    const staleItem = await prisma.adjustment.findFirstOrThrow({ where: { policyRunId: run.id, requiredApprovals: 1, delta: { gt: 0 } }, orderBy: { borrowerId: "asc" } });
    await prisma.$transaction((tx) => setLimit(tx, { borrowerId: staleItem.borrowerId, from: staleItem.oldLimit, to: staleItem.oldLimit + 1000, cause: "APPROVAL", limitChangeId: null, ctx: { actor: u.manager } }));
    const individual = await prisma.adjustment.count({ where: { policyRunId: run.id, requiredApprovals: 2 } });
    const runItems = await prisma.adjustment.count({ where: { policyRunId: run.id, requiredApprovals: 1 } });
    const eventsBefore = await prisma.auditEvent.count();

    const decided = await decideRun(run.id, "APPROVE", "checked the summary", { actor: u.manager2 }, { batchSize: 5_000 });
    expect(decided.status).toBe("APPROVING");
    const t0 = performance.now();
    await runJob(decided.jobId!);
    const ms = performance.now() - t0;
    const job = await getJob(decided.jobId!);
    expect(job).toMatchObject({ status: "succeeded", done: runItems, total: runItems });
    const batches = Math.ceil(runItems / 5_000);
    console.log(`run approval of ${runItems} items in ${batches} batches: ${ms.toFixed(0)} ms (load ${(await import("node:os")).loadavg()[0].toFixed(2)})`);

    const after = await prisma.policyRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after).toMatchObject({ status: "APPLIED", applied: runItems - 1, stale: 1, staleIds: [staleItem.id] });
    expect(await prisma.adjustment.findUniqueOrThrow({ where: { id: staleItem.id } })).toMatchObject({ status: "PENDING" });
    expect(await prisma.limitChange.count({ where: { adjustmentId: staleItem.id } })).toBe(0);
    expect(await prisma.adjustment.count({ where: { policyRunId: run.id, requiredApprovals: 2, status: "PENDING" } })).toBe(individual);
    const perItem = await prisma.$queryRaw<Array<{ n: number; items: number; dup: number }>>`
      SELECT count(*)::int AS n, count(DISTINCT c."adjustmentId")::int AS items, count(*) FILTER (WHERE a."status" <> 'APPROVED')::int AS dup
      FROM "LimitChange" c JOIN "Adjustment" a ON a."id" = c."adjustmentId" WHERE a."policyRunId" = ${run.id}`;
    expect(perItem[0]).toEqual({ n: runItems - 1, items: runItems - 1, dup: 0 });
    // Increases are in force, cuts are scheduled; the summary's exposure still equals Σ limit.
    const wrong = await prisma.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM "Adjustment" a JOIN "BorrowerState" s ON s."borrowerId" = a."borrowerId"
      WHERE a."policyRunId" = ${run.id} AND a."status" = 'APPROVED' AND s."limit" <> (CASE WHEN a."delta" > 0 THEN a."newLimit" ELSE a."oldLimit" END)`;
    expect(wrong[0].n).toBe(0);
    const [{ exposure, sum }] = await prisma.$queryRaw<Array<{ exposure: bigint; sum: bigint }>>`
      SELECT (SELECT "exposure" FROM "PortfolioSummary" WHERE "id" = 1)::bigint AS exposure, (SELECT sum("limit") FROM "BorrowerState")::bigint AS sum`;
    expect(exposure).toBe(sum);
    // One audit event per batch (+ the approval and the final "applied"), and the chain is whole.
    expect(await prisma.auditEvent.count({ where: { action: "limits.changed", entityId: run.id } })).toBe(batches);
    expect(await prisma.auditEvent.count()).toBe(eventsBefore + 1 + batches + 1);
    expect((await verifyChain(auditChain())).broken).toBeNull();

    // A second delivery of the job, or another approval, changes nothing.
    await runJob(decided.jobId!);
    expect(await statusOf(decideRun(run.id, "APPROVE", undefined, { actor: u.admin }))).toBe(409);
    const [{ changes }] = await prisma.$queryRaw<Array<{ changes: number }>>`
      SELECT count(*)::int AS changes FROM "LimitChange" c JOIN "Adjustment" a ON a."id" = c."adjustmentId" WHERE a."policyRunId" = ${run.id}`;
    expect(changes).toBe(runItems - 1);
  }, 180_000);

  it("rejects a whole run with a comment: its items REJECTED, nothing applied", async () => {
    const prisma = await getPrisma();
    // A new ACTIVE version (test setup) so that a second run exists for this month.
    const active = await prisma.policy.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const config = active.config as unknown as PolicyConfig;
    await prisma.policy.update({ where: { id: active.id }, data: { status: "RETIRED" } });
    await prisma.policy.create({ data: { version: active.version + 1, status: "ACTIVE", name: "cuts only", config: { ...config, actions: { ...config.actions, LOW: { changePct: 0 }, MEDIUM: { changePct: -10 } } } } });
    const { run } = await runActivePolicy({ actor: u.admin });
    expect(run.status).toBe("PENDING_APPROVAL");
    const limitsBefore = await prisma.borrowerState.aggregate({ _sum: { limit: true } });
    const { jobId } = await decideRun(run.id, "REJECT", "cuts are too deep this month", { actor: u.manager });
    await runJob(jobId!);
    expect(await prisma.policyRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "REJECTED" });
    expect(await prisma.adjustment.count({ where: { policyRunId: run.id, requiredApprovals: 1, status: { not: "REJECTED" } } })).toBe(0);
    const [{ pointers }] = await prisma.$queryRaw<Array<{ pointers: number }>>`
      SELECT count(*)::int AS pointers FROM "Adjustment" a WHERE a."policyRunId" = ${run.id} AND a."status" = 'REJECTED' AND a."pendingBorrowerId" IS NOT NULL`;
    expect(pointers).toBe(0);
    expect((await prisma.borrowerState.aggregate({ _sum: { limit: true } }))._sum.limit).toBe(limitsBefore._sum.limit);
  }, 120_000);
});
