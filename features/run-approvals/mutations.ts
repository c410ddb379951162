// Run-level maker-checker: a MANAGER/ADMIN who did not start the run approves or rejects it as a
// whole (two different approvers above the run threshold). The final decision hands the work to a
// job: approval applies the run's items in set-based batches (one transaction, one portfolio
// version and one audit event per batch, resumable from the run's cursor); rejection rejects them.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { bulkInsert } from "@/lib/db/bulk";
import type { PolicyConfig } from "@/features/policy/schema";
import { effectiveDate } from "@/features/adjustments/rules";
import { portfolioVersionFor, setLimits } from "@/features/limit-changes/mutations";
import { cancellationText, noticeText } from "@/features/limit-changes/notice";
import { adviceFor } from "@/features/limit-changes/reasons";
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

const LIMIT_CHANGE_COLUMNS = { id: "text", borrowerId: "int", adjustmentId: "text", oldLimit: "int", newLimit: "int", approvers: "jsonb", effectiveDate: "timestamp(3)", status: '"LimitChangeStatus"', appliedAt: "timestamp(3)" };
const NOTICE_COLUMNS = { id: "text", borrowerId: "int", limitChangeId: "text", kind: "text", text: "text", reasonCodes: "jsonb", effectiveDate: "timestamp(3)" };
type Item = { id: string; borrowerId: number; oldLimit: number; newLimit: number; reasonCodes: Prisma.JsonValue };
type ReasonCode = { code: string; text: string };

/**
 * One batch of the apply job, in one transaction: the next `batchSize` run items after the cursor
 * (borrower order), each checked against its base limit (a stale one is reported and left PENDING
 * for the inbox), the rest approved exactly as a single approval would (earlier scheduled changes
 * superseded, increases applied at once through setLimits, cuts scheduled with a notice), the
 * cursor and progress committed with them. Returns false when nothing was left (run APPLIED).
 */
export async function applyRunBatch(payload: DecisionPayload, progress: (done: number, total: number, tx: Prisma.TransactionClient) => Promise<void>) {
  const prisma = await getPrisma();
  const ctx: Ctx = { actor: payload.actor, requestId: payload.requestId };
  const batchSize = payload.batchSize ?? Number(process.env.LIMITDESK_RUN_BATCH ?? 5_000);
  return prisma.$transaction(async (tx) => {
    await portfolioVersionFor(tx); // lock order: version counter, (run row), state rows, audit chain
    const run = await tx.$queryRaw<Array<{ status: string; applyCursor: number; applied: number; stale: number; policyId: string; summary: Prisma.JsonValue }>>`
      SELECT "status", "applyCursor", "applied", "stale", "policyId", "summary" FROM "PolicyRun" WHERE "id" = ${payload.runId} FOR UPDATE`.then((r) => r[0]);
    if (!run || run.status !== "APPROVING") return { more: false, status: run?.status ?? null };
    const total = runItemsOf(run.summary) ?? 0;
    const items = await tx.$queryRaw<Item[]>`
      SELECT "id", "borrowerId", "oldLimit", "newLimit", "reasonCodes" FROM "Adjustment"
      WHERE "policyRunId" = ${payload.runId} AND "status" = 'PENDING' AND "requiredApprovals" = 1 AND "borrowerId" > ${run.applyCursor}
      ORDER BY "borrowerId" LIMIT ${batchSize}`;
    if (items.length === 0) {
      await tx.policyRun.update({ where: { id: payload.runId }, data: { status: "APPLIED" } });
      await audit(tx, ctx, "policy_run.applied", "PolicyRun", payload.runId, { status: "APPROVING" }, { status: "APPLIED", applied: run.applied, stale: run.stale });
      await progress(total, total, tx);
      return { more: false, status: "APPLIED", applied: run.applied, stale: run.stale };
    }
    const { approvedIds, staleItems, limitChanges } = await approveItems(tx, payload.runId, run.policyId, items, ctx);
    const cursor = items[items.length - 1].borrowerId;
    await tx.$executeRaw`
      UPDATE "PolicyRun" SET "applyCursor" = ${cursor}, "applied" = "applied" + ${approvedIds.length}, "stale" = "stale" + ${staleItems.length},
        "staleIds" = CASE WHEN jsonb_array_length("staleIds") < 1000 THEN "staleIds" || ${JSON.stringify(staleItems.map((i) => i.id))}::jsonb ELSE "staleIds" END
      WHERE "id" = ${payload.runId}`;
    await progress(run.applied + run.stale + items.length, total, tx);
    return { more: true, status: "APPROVING", batch: items.length, limitChanges };
  }, { timeout: 300_000 });
}

async function approveItems(tx: Prisma.TransactionClient, runId: string, policyId: string, items: Item[], ctx: Ctx) {
  const now = clockNow();
  const policy = await tx.policy.findUnique({ where: { id: policyId }, select: { config: true } });
  const noticeDays = (policy?.config as unknown as PolicyConfig | undefined)?.noticeDays ?? 0;
  const approvers = (await tx.policyRunDecision.findMany({ where: { policyRunId: runId, decision: "APPROVE" }, orderBy: { createdAt: "asc" } })).map((d) => d.deciderEmail);
  const current = await tx.$queryRaw<Array<{ borrowerId: number; limit: number; balance: number }>>`
    SELECT "borrowerId", "limit", "balance" FROM "BorrowerState" WHERE "borrowerId" = ANY(${items.map((i) => i.borrowerId)}::int[]) ORDER BY "borrowerId" FOR UPDATE`;
  const limitOf = new Map(current.map((c) => [c.borrowerId, c.limit]));
  const balanceOf = (borrowerId: number) => current.find((c) => c.borrowerId === borrowerId)?.balance ?? 0;
  const ok = items.filter((i) => limitOf.get(i.borrowerId) === i.oldLimit);
  const staleItems = items.filter((i) => limitOf.get(i.borrowerId) !== i.oldLimit);
  const okIds = ok.map((i) => i.id), okBorrowers = ok.map((i) => i.borrowerId);
  const approved = await tx.$executeRaw`
    UPDATE "Adjustment" SET "status" = 'APPROVED', "approvalCount" = ${approvers.length}, "pendingBorrowerId" = NULL, "decidedAt" = ${now}, "version" = "version" + 1
    WHERE "id" = ANY(${okIds}::text[]) AND "status" = 'PENDING'`;
  if (approved !== ok.length) throw new Error(`run ${runId}: ${ok.length - approved} items were decided elsewhere mid-batch`);
  // Earlier scheduled changes of these borrowers never apply: superseded, a cancelled cut announced.
  const superseded = await tx.$queryRaw<Array<{ id: string; borrowerId: number; oldLimit: number; newLimit: number; effectiveDate: Date }>>`
    UPDATE "LimitChange" SET "status" = 'SUPERSEDED' WHERE "borrowerId" = ANY(${okBorrowers}::int[]) AND "status" = 'SCHEDULED'
    RETURNING "id", "borrowerId", "oldLimit", "newLimit", "effectiveDate"`;
  const when = (i: Item) => effectiveDate(i.oldLimit, i.newLimit, noticeDays, now);
  const changes = ok.map((i) => {
    const at = when(i), immediate = at.getTime() <= now.getTime();
    return { id: randomUUID(), borrowerId: i.borrowerId, adjustmentId: i.id, oldLimit: i.oldLimit, newLimit: i.newLimit, approvers, effectiveDate: at, status: immediate ? "APPLIED" : "SCHEDULED", appliedAt: immediate ? now : null, item: i };
  });
  await bulkInsert(tx, "LimitChange", LIMIT_CHANGE_COLUMNS, changes.map(({ item: _item, ...c }) => c));
  const notices = [
    ...superseded.filter((c) => c.newLimit < c.oldLimit).map((c) => ({
      id: randomUUID(), borrowerId: c.borrowerId, limitChangeId: c.id, kind: "CANCELLATION", reasonCodes: [], effectiveDate: c.effectiveDate,
      text: cancellationText({ ...c, balance: balanceOf(c.borrowerId), why: `a later decision (policy run ${runId}) replaced it` }),
    })),
    ...changes.filter((c) => c.newLimit < c.oldLimit).map((c) => {
      const codes = (c.item.reasonCodes as ReasonCode[] | null) ?? [];
      return { id: randomUUID(), borrowerId: c.borrowerId, limitChangeId: c.id, kind: "DECREASE", reasonCodes: codes, effectiveDate: c.effectiveDate,
        text: noticeText({ oldLimit: c.oldLimit, newLimit: c.newLimit, effectiveDate: c.effectiveDate, reasons: codes.map((r) => r.text), balance: balanceOf(c.borrowerId), advice: adviceFor(codes.map((r) => ({ ...r, pointsLost: (r as { pointsLost?: number | null }).pointsLost ?? null }))) }) };
    }),
  ];
  await bulkInsert(tx, "BorrowerNotice", NOTICE_COLUMNS, notices);
  const immediate = changes.filter((c) => c.status === "APPLIED").map((c) => ({ borrowerId: c.borrowerId, from: c.oldLimit, to: c.newLimit, limitChangeId: c.id }));
  // The batch's ONE audit event (written by setLimits) names every item, change and total.
  await setLimits(tx, immediate, {
    cause: "APPROVAL", ctx, entityType: "PolicyRun", entityId: runId,
    meta: {
      runId, approvedItemIds: okIds, staleItemIds: staleItems.map((i) => i.id), scheduledLimitChangeIds: changes.filter((c) => c.status === "SCHEDULED").map((c) => c.id),
      supersededLimitChangeIds: superseded.map((c) => c.id), scheduledChange: changes.filter((c) => c.status === "SCHEDULED").reduce((s, c) => s + c.newLimit - c.oldLimit, 0),
    },
  });
  return { approvedIds: okIds, staleItems, limitChanges: changes.length };
}
