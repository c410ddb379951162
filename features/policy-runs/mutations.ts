// A policy run: the ACTIVE policy applied to the latest month, one PENDING adjustment per
// borrower whose proposed limit differs. All-or-nothing, and idempotent per (version, month).
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { bulkInsert } from "@/lib/db/bulk";
import { ApiError } from "@/lib/api/errors";
import type { PolicyConfig } from "@/features/policy/schema";
import { latestBorrowerRows } from "@/features/policy/data";
import { tierChange, tierFor } from "@/features/policy/tiering";
import { proposedLimit } from "@/features/policy/preview/reference";
import { getSettings } from "@/features/settings/data";
import { audit, lockProposals, newId, type Ctx } from "@/features/adjustments/mutations";
import { requiredApprovals } from "@/features/adjustments/rules";

const ADJUSTMENT_COLUMNS = {
  id: "text", borrowerId: "int", source: "text", policyRunId: "text", policyId: "text", policyVersion: "int",
  oldLimit: "int", newLimit: "int", delta: "int", tierBefore: '"Tier"', tierAfter: '"Tier"', tierMove: "int", score: "int",
  reasonCodes: "jsonb", requiredApprovals: "int", pendingBorrowerId: "int", proposedById: "text", proposedByEmail: "text",
};

/** Runs the ACTIVE policy; `policyId`, when given, must be that policy (409 otherwise). */
export async function runActivePolicy(ctx: Ctx, policyId?: string) {
  const prisma = await getPrisma();
  return prisma.$transaction(
    async (tx) => {
      await lockProposals(tx);
      const policy = await tx.policy.findFirst({ where: { status: "ACTIVE" } });
      if (!policy) throw new ApiError(409, "There is no ACTIVE policy to run.");
      if (policyId && policy.id !== policyId) {
        const exists = await tx.policy.findUnique({ where: { id: policyId }, select: { status: true } });
        if (!exists) throw new ApiError(404, `Policy ${policyId} not found`);
        throw new ApiError(409, `Only the ACTIVE policy can be run; this one is ${exists.status}.`);
      }
      const month = (await tx.borrowerState.findFirst({ orderBy: { month: "desc" }, select: { month: true } }))?.month;
      if (!month) throw new ApiError(409, "There are no scores to run the policy on.");
      const previous = await tx.policyRun.findUnique({ where: { policyId_month: { policyId: policy.id, month } } });
      if (previous) return { run: previous, created: 0, alreadyRan: true, skippedPending: 0 };

      const config = policy.config as unknown as PolicyConfig;
      const rows = await latestBorrowerRows(tx);
      const pending = new Set((await tx.adjustment.findMany({ where: { status: "PENDING" }, select: { borrowerId: true } })).map((a) => a.borrowerId));
      const { approvalThreshold } = await getSettings(tx);
      const runId = newId();
      let skippedPending = 0;
      const adjustments = [];
      for (const r of rows) {
        const newLimit = proposedLimit(r, config);
        if (newLimit === r.limit) continue;
        if (pending.has(r.id)) {
          skippedPending++;
          continue;
        }
        const tierAfter = tierFor(r.score, config.cutoffs);
        adjustments.push({
          id: newId(), borrowerId: r.id, source: "POLICY_RUN", policyRunId: runId, policyId: policy.id, policyVersion: policy.version,
          oldLimit: r.limit, newLimit, delta: newLimit - r.limit, tierBefore: r.tier, tierAfter, tierMove: tierChange(r.tier, tierAfter), score: r.score,
          reasonCodes: r.reasonCodes, requiredApprovals: requiredApprovals(r.limit, newLimit, approvalThreshold), pendingBorrowerId: r.id,
          proposedById: ctx.actor.id, proposedByEmail: ctx.actor.email,
        });
      }
      const run = await tx.policyRun.create({
        data: { id: runId, policyId: policy.id, policyVersion: policy.version, month, proposals: adjustments.length, createdById: ctx.actor.id, createdByEmail: ctx.actor.email },
      });
      await bulkInsert(tx, "Adjustment", ADJUSTMENT_COLUMNS, adjustments);
      // The pending pointer is not a value the preview reads: no portfolio version bump.
      await tx.$executeRaw`
        UPDATE "BorrowerState" s SET "pendingAdjustmentId" = a."id" FROM "Adjustment" a
        WHERE a."policyRunId" = ${runId} AND s."borrowerId" = a."borrowerId"`;
      const increases = adjustments.filter((a) => a.delta > 0).length;
      await audit(tx, ctx, "policy.run", "PolicyRun", run.id, null, {
        policyId: policy.id, policyVersion: policy.version, month, proposals: adjustments.length, increases, decreases: adjustments.length - increases, skippedPending,
      });
      return { run, created: adjustments.length, alreadyRan: false, skippedPending };
    },
    { timeout: 300_000 },
  );
}
