// A policy run: the ACTIVE policy applied to the current state, one PENDING adjustment per borrower
// whose proposed limit differs. Started by the API (a COMPUTING run row + a job), computed by the
// job in ONE set-based transaction (INSERT … SELECT from BorrowerState: no per-borrower objects in
// Node), so a run is either all there or not there at all. Idempotent per (policy, month).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import type { PolicyConfig } from "@/features/policy/schema";
import { getSettings } from "@/features/settings/data";
import { enqueueJob } from "@/features/jobs/mutations";
import { audit, lockProposals, type Ctx } from "@/features/adjustments/mutations";
import { proposedSql, roundedSql, tierMoveSql, tierSql } from "./proposal-sql";
import { runSummarySql, summaryFromRow, type RunSummaryRow } from "./summary-sql";

export const COMPUTE_RUN_JOB = "policy-runs.compute";
export type ComputePayload = { runId: string; actor: { id: string; email: string }; requestId?: string };

/**
 * POST /policies/{id}/run: makes (or finds) the run of the ACTIVE policy on the latest month and
 * makes sure its compute job exists. A second call answers with the same run and job.
 */
export async function startPolicyRun(ctx: Ctx, policyId?: string) {
  const prisma = await getPrisma();
  const { run, created } = await prisma.$transaction(async (tx) => {
    const policy = await tx.policy.findFirst({ where: { status: "ACTIVE" } });
    if (!policy) throw new ApiError(409, "There is no ACTIVE policy to run.");
    if (policyId && policy.id !== policyId) {
      const exists = await tx.policy.findUnique({ where: { id: policyId }, select: { status: true } });
      if (!exists) throw new ApiError(404, `Policy ${policyId} not found`);
      throw new ApiError(409, `Only the ACTIVE policy can be run; this one is ${exists.status}.`);
    }
    const month = (await tx.borrowerState.findFirst({ orderBy: { month: "desc" }, select: { month: true } }))?.month;
    if (!month) throw new ApiError(409, "There are no scores to run the policy on.");
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "PolicyRun" ("id", "policyId", "policyVersion", "month", "proposals", "createdById", "createdByEmail", "status")
      VALUES (gen_random_uuid()::text, ${policy.id}, ${policy.version}, ${month}, 0, ${ctx.actor.id}, ${ctx.actor.email}, 'COMPUTING')
      ON CONFLICT ("policyId", "month") DO NOTHING RETURNING "id"`;
    const row = await tx.policyRun.findUniqueOrThrow({ where: { policyId_month: { policyId: policy.id, month } } });
    return { run: row, created: inserted.length === 1 };
  });
  let jobId = run.computeJobId;
  if (run.status === "COMPUTING") {
    // Also when a previous attempt died between the run row and its job: enqueue is one-per-key.
    const payload: ComputePayload = { runId: run.id, actor: ctx.actor, requestId: ctx.requestId };
    const job = await enqueueJob({ kind: COMPUTE_RUN_JOB, key: run.id, payload, actor: ctx.actor, permission: "adjustment:propose", total: 1 });
    jobId = job.jobId;
    await prisma.policyRun.updateMany({ where: { id: run.id, status: "COMPUTING" }, data: { computeJobId: jobId } });
  }
  return { runId: run.id, jobId, alreadyRan: !created, status: run.status, policyVersion: run.policyVersion, month: run.month };
}

/** The INSERT … SELECT of a run's proposals; $1 run id, $2 per-item approval threshold, $3/$4 the proposer. */
function insertProposalsSql(config: PolicyConfig) {
  return `
    INSERT INTO "Adjustment" ("id", "borrowerId", "source", "policyRunId", "policyId", "policyVersion", "oldLimit", "newLimit", "delta",
      "tierBefore", "tierAfter", "tierMove", "score", "pd", "amount", "reasonCodes", "requiredApprovals", "pendingBorrowerId", "proposedById", "proposedByEmail")
    SELECT gen_random_uuid()::text, q."borrowerId", 'POLICY_RUN', r."id", r."policyId", r."policyVersion", q."limit", q.p, q.p - q."limit",
      q."tier", q."tierAfter", ${tierMoveSql(`q."tier"::text`, `q."tierAfter"::text`)}, q."score", q."pd", abs(q.p - q."limit"), q."reasonCodes",
      CASE WHEN abs(q.p - q."limit") > $2::int THEN 2 ELSE 1 END, q."borrowerId", $3, $4
    FROM "PolicyRun" r, (
      SELECT s."borrowerId", s."limit", s."tier", s."score", s."pd", s."reasonCodes", ${tierSql(config)} AS "tierAfter", ${proposedSql(config, "x.p0")} AS p
      FROM "BorrowerState" s CROSS JOIN LATERAL (SELECT ${roundedSql(config)} AS p0) x
      WHERE NOT EXISTS (SELECT 1 FROM "Adjustment" a WHERE a."pendingBorrowerId" = s."borrowerId")
    ) q
    WHERE r."id" = $1 AND q.p <> q."limit"`;
}

/** Borrowers the run would change but skips: they already have a PENDING adjustment. */
function countSkippedSql(config: PolicyConfig) {
  return `
    SELECT count(*)::int AS n FROM "BorrowerState" s CROSS JOIN LATERAL (SELECT ${roundedSql(config)} AS p0) x
    WHERE EXISTS (SELECT 1 FROM "Adjustment" a WHERE a."pendingBorrowerId" = s."borrowerId") AND ${proposedSql(config, "x.p0")} <> s."limit"`;
}

/** The compute job's work: one transaction; a re-run after a kill finds the run COMPUTING (nothing committed) or done. */
export async function computePolicyRun(payload: ComputePayload, progress: (done: number, total: number, tx: Prisma.TransactionClient) => Promise<void>) {
  const prisma = await getPrisma();
  const ctx: Ctx = { actor: payload.actor, requestId: payload.requestId };
  return prisma.$transaction(
    async (tx) => {
      await lockProposals(tx);
      const [run] = await tx.$queryRaw<Array<{ id: string; status: string; policyId: string }>>`
        SELECT "id", "status", "policyId" FROM "PolicyRun" WHERE "id" = ${payload.runId} FOR UPDATE`;
      if (!run) throw new Error(`Policy run ${payload.runId} not found`);
      if (run.status !== "COMPUTING") return resultOf(tx, run.id);
      const policy = await tx.policy.findUniqueOrThrow({ where: { id: run.policyId } });
      const config = policy.config as unknown as PolicyConfig;
      const settings = await getSettings(tx);
      const [{ n: skippedPending }] = await tx.$queryRawUnsafe<{ n: number }[]>(countSkippedSql(config));
      const proposals = await tx.$executeRawUnsafe(insertProposalsSql(config), run.id, settings.approvalThreshold, ctx.actor.id, ctx.actor.email);
      const [row] = await tx.$queryRawUnsafe<RunSummaryRow[]>(runSummarySql(), run.id, config.ccf, config.lgd);
      const summary = summaryFromRow(row, skippedPending);
      const requiredApprovals = summary.runItems.absoluteChange > settings.runApprovalThreshold ? 2 : 1;
      await tx.policyRun.update({
        where: { id: run.id },
        data: { status: "PENDING_APPROVAL", proposals, skippedPending, summary: summary as unknown as Prisma.InputJsonValue, requiredApprovals },
      });
      await audit(tx, ctx, "policy.run", "PolicyRun", run.id, null, {
        policyId: policy.id, policyVersion: policy.version, proposals, increases: summary.increase.count, decreases: summary.decrease.count,
        skippedPending, individualItems: summary.individual.count, requiredApprovals,
      });
      await progress(1, 1, tx);
      return resultOf(tx, run.id);
    },
    { timeout: 600_000 },
  );
}

async function resultOf(tx: Prisma.TransactionClient, runId: string) {
  const run = await tx.policyRun.findUniqueOrThrow({ where: { id: runId } });
  return { runId, status: run.status, proposals: run.proposals, skippedPending: run.skippedPending, requiredApprovals: run.requiredApprovals };
}

/** Start and compute in this process (scripts and tests without a worker); same result as the job. */
export async function runActivePolicy(ctx: Ctx, policyId?: string) {
  const started = await startPolicyRun(ctx, policyId);
  const computed = await computePolicyRun({ runId: started.runId, actor: ctx.actor, requestId: ctx.requestId }, async () => undefined);
  const run = await (await getPrisma()).policyRun.findUniqueOrThrow({ where: { id: started.runId } });
  return { run, jobId: started.jobId, created: started.alreadyRan ? 0 : computed.proposals, alreadyRan: started.alreadyRan, skippedPending: computed.skippedPending };
}
