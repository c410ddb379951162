// Run-level maker-checker: a MANAGER/ADMIN who did not start the run approves or rejects it as a
// whole (two different approvers above the run threshold). The final decision hands the work to a
// job: approval applies the run's items in set-based batches (one transaction, one portfolio
// version and one audit event per batch, resumable from the run's cursor); rejection rejects them.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PolicyConfig } from "@/features/policy/schema";
import { effectiveDate } from "@/features/adjustments/rules";
import { portfolioVersionFor, setLimits } from "@/features/limit-changes/mutations";
import { cancellationText, noticeText } from "@/features/limit-changes/notice";
import { adviceFor } from "@/features/limit-changes/reasons";
import { readReasons } from "@/features/scoring/reason-store";
import { ApiError, notFound } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { enqueueJob } from "@/features/jobs/mutations";
import { audit, type Ctx } from "@/features/adjustments/mutations";
import { decideRunRule } from "@/features/policy-runs/rules";

export const APPLY_RUN_JOB = "policy-runs.apply";
export const REJECT_RUN_JOB = "policy-runs.reject";
export type DecisionPayload = { runId: string; actor: { id: string; email: string }; requestId?: string; batchSize?: number };

/** The run's decision: 202 `{ jobId }` once it is final (jobId null while a second approval is awaited). */
export async function decideRun(runId: string, decision: "APPROVE" | "REJECT", comment: string | undefined, ctx: Ctx, opts: { batchSize?: number } = {}) {
  const prisma = await getPrisma();
  const outcome = await prisma.$transaction(async (tx) => {
    const run = await tx.policyRun.findUnique({ where: { id: runId }, include: { decisions: true } });
    if (!run) throw notFound(`Policy run ${runId}`);
    const approverIds = run.decisions.filter((d) => d.decision === "APPROVE").map((d) => d.deciderId);
    const rule = decideRunRule({ status: run.status, createdById: run.createdById, requiredApprovals: run.requiredApprovals, approverIds }, ctx.actor.id, decision);
    if (!rule.ok) {
      // A final decision whose job was never enqueued (the process died in between) is picked up again.
      if (rule.resume && run.decisionJobId == null) return { run, status: run.status, resume: true };
      throw new ApiError(rule.status, rule.message, undefined, { runStatus: run.status, jobId: run.decisionJobId });
    }
    const { count } = await tx.policyRun.updateMany({
      where: { id: runId, status: "PENDING_APPROVAL", decisionVersion: run.decisionVersion },
      data: { status: rule.next, decisionVersion: { increment: 1 }, ...(rule.next !== "PENDING_APPROVAL" ? { decidedAt: new Date() } : {}) },
    });
    if (count !== 1) throw new ApiError(409, "Someone else decided this run first.", undefined, { runStatus: run.status });
    await tx.policyRunDecision.create({ data: { policyRunId: runId, deciderId: ctx.actor.id, deciderEmail: ctx.actor.email, decision, comment: comment ?? null } });
    const action = decision === "REJECT" ? "policy_run.rejected" : rule.next === "APPROVING" ? "policy_run.approved" : "policy_run.approval_recorded";
    await audit(tx, ctx, action, "PolicyRun", runId, { status: run.status, approvals: approverIds.length }, {
      status: rule.next, approvals: approverIds.length + (decision === "APPROVE" ? 1 : 0), requiredApprovals: run.requiredApprovals, comment: comment ?? null,
    });
    return { run, status: rule.next, resume: false };
  });
  if (outcome.status === "PENDING_APPROVAL") return { jobId: null, status: outcome.status };
  const payload: DecisionPayload = { runId, actor: ctx.actor, requestId: ctx.requestId, batchSize: opts.batchSize };
  const kind = outcome.status === "APPROVING" ? APPLY_RUN_JOB : REJECT_RUN_JOB;
  const total = outcome.status === "APPROVING" ? runItemsOf(outcome.run.summary) : 1;
  const { jobId } = await enqueueJob({ kind, key: runId, payload, actor: ctx.actor, permission: "adjustment:decide", total });
  await prisma.policyRun.update({ where: { id: runId }, data: { decisionJobId: jobId } });
  return { jobId, status: outcome.status };
}

const runItemsOf = (summary: Prisma.JsonValue | null) => (summary as { runItems?: { count: number } } | null)?.runItems?.count ?? null;

/** The reject job: every run item still PENDING becomes REJECTED, in one set-based transaction. */
export async function rejectRunItems(payload: DecisionPayload, progress: (done: number, total: number, tx: Prisma.TransactionClient) => Promise<void>) {
  const prisma = await getPrisma();
  const ctx: Ctx = { actor: payload.actor, requestId: payload.requestId };
  return prisma.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status" FROM "PolicyRun" WHERE "id" = ${payload.runId} FOR UPDATE`;
    if (!run || run.status !== "REJECTING") return { runId: payload.runId, status: run?.status ?? null };
    const ids = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE "Adjustment" SET "status" = 'REJECTED', "pendingBorrowerId" = NULL, "decidedAt" = now(), "version" = "version" + 1
      WHERE "policyRunId" = ${payload.runId} AND "status" = 'PENDING' AND "requiredApprovals" = 1 RETURNING "id"`;
    await tx.policyRun.update({ where: { id: payload.runId }, data: { status: "REJECTED" } });
    await audit(tx, ctx, "policy_run.rejected", "PolicyRun", payload.runId, { status: "REJECTING" }, { status: "REJECTED", itemsRejected: ids.length });
    await progress(1, 1, tx);
    return { runId: payload.runId, status: "REJECTED", rejected: ids.length };
  }, { timeout: 600_000 });
}

type Superseded = { id: string; borrowerId: number; oldLimit: number; newLimit: number; effectiveDate: Date; balance: number };
type Cut = { limitChangeId: string; oldLimit: number; newLimit: number; balance: number; reasonCodes: Prisma.JsonValue };

/** Run items per batch transaction: large, because a batch costs a handful of set-based statements (see README, issue 8). */
export const RUN_BATCH = 50_000;

/**
 * One batch of the apply job, in one transaction: the next `batchSize` run items after the cursor
 * (borrower order), each checked against its base limit (a stale one is reported and left PENDING
 * for the inbox), the rest approved exactly as a single approval would (earlier scheduled changes
 * superseded, increases applied at once through setLimits, cuts scheduled with a notice), the
 * cursor and progress committed with them. Set-based: the batch is a temporary table and every
 * step one INSERT … SELECT / UPDATE … FROM over it; only the notice texts are written in Node.
 */
export async function applyRunBatch(payload: DecisionPayload, progress: (done: number, total: number, tx: Prisma.TransactionClient) => Promise<void>) {
  const prisma = await getPrisma();
  const ctx: Ctx = { actor: payload.actor, requestId: payload.requestId };
  const batchSize = payload.batchSize ?? Number(process.env.LIMITDESK_RUN_BATCH ?? RUN_BATCH);
  return prisma.$transaction(async (tx) => {
    await portfolioVersionFor(tx); // lock order: version counter, (run row), state rows, audit chain
    const run = await tx.$queryRaw<Array<{ status: string; applyCursor: number; applied: number; stale: number; policyId: string; summary: Prisma.JsonValue }>>`
      SELECT "status", "applyCursor", "applied", "stale", "policyId", "summary" FROM "PolicyRun" WHERE "id" = ${payload.runId} FOR UPDATE`.then((r) => r[0]);
    if (!run || run.status !== "APPROVING") return { more: false, status: run?.status ?? null };
    const total = runItemsOf(run.summary) ?? 0;
    // The batch, its borrowers' state rows locked in borrower order: `ok` = the base limit still holds and no
    // replacement revision re-scored the month the item was computed on (staleReason).
    await tx.$executeRawUnsafe(`
      CREATE TEMPORARY TABLE run_batch ON COMMIT DROP AS
      SELECT a."id", a."borrowerId", a."oldLimit", a."newLimit", a."reasonCodes", s."balance",
        s."limit" = a."oldLimit" AND a."staleReason" IS NULL AS ok, gen_random_uuid()::text AS "limitChangeId"
      FROM (SELECT "id", "borrowerId", "oldLimit", "newLimit", "reasonCodes", "staleReason" FROM "Adjustment"
            WHERE "policyRunId" = $1 AND "status" = 'PENDING' AND "requiredApprovals" = 1 AND "borrowerId" > $2 ORDER BY "borrowerId" LIMIT $3) a
      JOIN "BorrowerState" s ON s."borrowerId" = a."borrowerId"
      ORDER BY a."borrowerId" FOR UPDATE OF s`, payload.runId, run.applyCursor, batchSize);
    await tx.$executeRawUnsafe(`ANALYZE run_batch`); // real row counts for the joins below, not a guess
    const [batch] = await tx.$queryRaw<Array<{ n: number; cursor: number | null; okIds: string[] | null; staleIds: string[] | null }>>`
      SELECT count(*)::int AS n, max("borrowerId") AS cursor, array_agg("id" ORDER BY "borrowerId") FILTER (WHERE ok) AS "okIds",
        array_agg("id" ORDER BY "borrowerId") FILTER (WHERE NOT ok) AS "staleIds" FROM run_batch`;
    if (batch.n === 0) {
      await tx.policyRun.update({ where: { id: payload.runId }, data: { status: "APPLIED" } });
      await audit(tx, ctx, "policy_run.applied", "PolicyRun", payload.runId, { status: "APPROVING" }, { status: "APPLIED", applied: run.applied, stale: run.stale });
      await progress(total, total, tx);
      return { more: false, status: "APPLIED", applied: run.applied, stale: run.stale };
    }
    const okIds = batch.okIds ?? [], staleIds = batch.staleIds ?? [];
    await approveBatch(tx, payload.runId, run.policyId, okIds, staleIds, ctx);
    await tx.$executeRaw`
      UPDATE "PolicyRun" SET "applyCursor" = ${batch.cursor}, "applied" = "applied" + ${okIds.length}, "stale" = "stale" + ${staleIds.length},
        "staleIds" = CASE WHEN jsonb_array_length("staleIds") < 1000 THEN "staleIds" || ${JSON.stringify(staleIds.slice(0, 1000))}::jsonb ELSE "staleIds" END
      WHERE "id" = ${payload.runId}`;
    await progress(run.applied + run.stale + batch.n, total, tx);
    return { more: true, status: "APPROVING", batch: batch.n, limitChanges: okIds.length };
  }, { timeout: 600_000 });
}

/** The `ok` rows of run_batch approved: items, superseded changes, limit changes, notices, then the limits through setLimits. */
async function approveBatch(tx: Prisma.TransactionClient, runId: string, policyId: string, okIds: string[], staleIds: string[], ctx: Ctx) {
  const now = clockNow();
  const policy = await tx.policy.findUnique({ where: { id: policyId }, select: { config: true } });
  const noticeDays = (policy?.config as unknown as PolicyConfig | undefined)?.noticeDays ?? 0;
  const approvers = (await tx.policyRunDecision.findMany({ where: { policyRunId: runId, decision: "APPROVE" }, orderBy: { createdAt: "asc" } })).map((d) => d.deciderEmail);
  // effectiveDate depends only on the direction of the change: one date for every cut, one for every increase.
  const cutAt = effectiveDate(1, 0, noticeDays, now), raiseAt = effectiveDate(0, 1, noticeDays, now);
  const cutsImmediate = cutAt.getTime() <= now.getTime();
  // Ids as arrays (= ANY): index look-ups whatever the (often stale) statistics of these big tables say.
  const approved = await tx.$executeRaw`
    UPDATE "Adjustment" a SET "status" = 'APPROVED', "approvalCount" = ${approvers.length}, "pendingBorrowerId" = NULL, "decidedAt" = ${now}, "version" = a."version" + 1
    WHERE a."id" = ANY(${okIds}::text[]) AND a."status" = 'PENDING'`;
  if (approved !== okIds.length) throw new Error(`run ${runId}: ${okIds.length - approved} items were decided elsewhere mid-batch`);
  // Earlier scheduled changes of these borrowers never apply: superseded, a cancelled cut announced.
  const superseded = await tx.$queryRaw<Superseded[]>`
    UPDATE "LimitChange" c SET "status" = 'SUPERSEDED' FROM run_batch b
    WHERE c."borrowerId" = ANY(ARRAY(SELECT "borrowerId" FROM run_batch WHERE ok)) AND b.ok AND c."borrowerId" = b."borrowerId" AND c."status" = 'SCHEDULED'
    RETURNING c."id", c."borrowerId", c."oldLimit", c."newLimit", c."effectiveDate", b."balance"`;
  await tx.$executeRaw`
    INSERT INTO "LimitChange" ("id", "borrowerId", "adjustmentId", "oldLimit", "newLimit", "approvers", "effectiveDate", "status", "appliedAt")
    SELECT b."limitChangeId", b."borrowerId", b."id", b."oldLimit", b."newLimit", ${JSON.stringify(approvers)}::jsonb, d.at,
      CASE WHEN d.at <= ${now} THEN 'APPLIED' ELSE 'SCHEDULED' END::"LimitChangeStatus", CASE WHEN d.at <= ${now} THEN ${now}::timestamp(3) END
    FROM run_batch b CROSS JOIN LATERAL (SELECT CASE WHEN b."newLimit" < b."oldLimit" THEN ${cutAt}::timestamp(3) ELSE ${raiseAt}::timestamp(3) END AS at) d
    WHERE b.ok ORDER BY b."borrowerId"`;
  const cuts = await tx.$queryRaw<Cut[]>`
    SELECT "limitChangeId", "oldLimit", "newLimit", "balance", "reasonCodes" FROM run_batch WHERE ok AND "newLimit" < "oldLimit" ORDER BY "borrowerId"`;
  const cancelled = superseded.filter((c) => c.newLimit < c.oldLimit);
  await insertNotices(tx, [
    ...cancelled.map((c) => ({ borrowerId: c.borrowerId, limitChangeId: c.id, kind: "CANCELLATION", effectiveDate: c.effectiveDate, reasonCodes: [],
      text: cancellationText({ ...c, why: `a later decision (policy run ${runId}) replaced it` }) })),
  ]);
  await insertCutNotices(tx, cuts, cutAt);
  // The batch's ONE audit event (written by setLimits) names every item and the totals.
  const [scheduled] = await tx.$queryRaw<Array<{ n: number; change: bigint | null }>>`
    SELECT count(*)::int AS n, sum("newLimit" - "oldLimit")::bigint AS change FROM run_batch
    WHERE ok AND ${cutsImmediate} = false AND "newLimit" < "oldLimit"`;
  await setLimits(tx, `
    SELECT "borrowerId", "oldLimit" AS "from", "newLimit" AS "to", "limitChangeId" FROM run_batch
    WHERE ok AND ("newLimit" >= "oldLimit" OR ${cutsImmediate ? "true" : "false"})`, {
    cause: "APPROVAL", ctx, entityType: "PolicyRun", entityId: runId,
    meta: {
      runId, approvedItemIds: okIds, staleItemIds: staleIds, scheduled: { count: scheduled.n, change: Number(scheduled.change ?? 0) },
      supersededLimitChangeIds: superseded.map((c) => c.id),
    },
  });
}

type NoticeRow = { borrowerId: number; limitChangeId: string; kind: string; effectiveDate: Date; reasonCodes: unknown; text: string };

async function insertNotices(tx: Prisma.TransactionClient, rows: NoticeRow[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "BorrowerNotice" ("id", "borrowerId", "limitChangeId", "kind", "text", "reasonCodes", "effectiveDate")
    SELECT gen_random_uuid()::text, x."borrowerId", x."limitChangeId", x."kind", x."text", x."reasonCodes", x."effectiveDate"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("borrowerId" int, "limitChangeId" text, "kind" text, "text" text, "reasonCodes" jsonb, "effectiveDate" timestamp(3))`;
}

/** The cuts' notices: the text from Node (notice.ts, one source), everything else joined from run_batch. */
async function insertCutNotices(tx: Prisma.TransactionClient, cuts: Cut[], at: Date) {
  if (cuts.length === 0) return;
  const texts = cuts.map((c) => {
    const codes = readReasons(c.reasonCodes);
    const advice = adviceFor(codes);
    return noticeText({ oldLimit: c.oldLimit, newLimit: c.newLimit, effectiveDate: at, reasons: codes.map((r) => r.text), balance: c.balance, advice });
  });
  await tx.$executeRaw`
    INSERT INTO "BorrowerNotice" ("id", "borrowerId", "limitChangeId", "kind", "text", "reasonCodes", "effectiveDate")
    SELECT gen_random_uuid()::text, b."borrowerId", b."limitChangeId", 'DECREASE', x.text, b."reasonCodes", ${at}::timestamp(3)
    FROM unnest(${cuts.map((c) => c.limitChangeId)}::text[], ${texts}::text[]) AS x(id, text) JOIN run_batch b ON b."limitChangeId" = x.id`;
}
