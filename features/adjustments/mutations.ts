import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import type { AuditAction } from "@/features/audit/actions";
import { getSettings } from "@/features/settings/data";
import type { PolicyConfig } from "@/features/policy/schema";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { now as clockNow } from "@/lib/clock";
import { decide, requiredApprovals } from "./rules";
import { aboveHardCap } from "@/features/overrides/rules";
import { approveLimitChange, portfolioVersionFor, StaleLimitError } from "@/features/limit-changes/mutations";
import { REASON_CODES } from "./schema";
import { storeReasons } from "@/features/scoring/reason-store";
import { adjustmentView, limitChangeView } from "./views";
import { idempotent } from "@/features/idempotency/mutations";
import { checkOverride } from "./override-check";
import { enqueueJob } from "@/features/jobs/mutations";
import { adjustmentFilter } from "./data";
import type { AdjustmentFilter } from "./schema";

export type Ctx = { actor: { id: string; email: string; role?: string }; requestId?: string; ip?: string | null; now?: Date };

// Proposals for a borrower are serialised so "one PENDING per borrower" holds for runs and
// manual proposals alike (the unique pendingBorrowerId index is the last line of defence).
export const PROPOSAL_LOCK = 7_310_044;
export const lockProposals = (tx: Prisma.TransactionClient) => tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PROPOSAL_LOCK})`);

export function audit(tx: Prisma.TransactionClient, ctx: Ctx, action: AuditAction, entityType: string, entityId: string, before: unknown, after: unknown) {
  return recordAudit(tx, { actor: ctx.actor, action, entityType, entityId, before, after, requestId: ctx.requestId, ip: ctx.ip });
}

export async function proposeManual(
  input: { borrowerId: number; newLimit: number; reason: string; reasonCodes?: string[]; override?: { reason: string; text: string } },
  ctx: Ctx,
) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    await lockProposals(tx);
    const state = await tx.borrowerState.findUnique({ where: { borrowerId: input.borrowerId } });
    if (!state) throw new ApiError(404, `Borrower ${input.borrowerId} not found`);
    const pending = await tx.adjustment.findUnique({ where: { pendingBorrowerId: state.borrowerId }, select: { id: true, oldLimit: true, newLimit: true } });
    if (pending) {
      throw new ApiError(409, `Borrower ${state.borrowerId} already has a PENDING adjustment (${pending.id}).`, undefined, { pendingAdjustmentId: pending.id });
    }
    if (input.newLimit === state.limit) throw new ApiError(400, "Invalid body: body.newLimit", [{ field: "body.newLimit", message: "equals the current limit" }]);
    checkCutFloor(state.limit, input.newLimit, state.balance);
    const settings = await getSettings(tx);
    const active = await tx.policy.findFirst({ where: { status: "ACTIVE" }, select: { config: true } });
    const override = checkOverride(state, input, (active?.config as unknown as PolicyConfig | undefined) ?? null, settings);
    const authority = override.authority(requiredApprovals(state.limit, input.newLimit, settings.approvalThreshold));
    const codes = (input.reasonCodes ?? []).map((code) => ({ code, text: REASON_CODES.get(code) ?? code, pointsLost: null }));
    const created = await tx.adjustment.create({
      data: {
        borrowerId: state.borrowerId, source: "MANUAL", oldLimit: state.limit, newLimit: input.newLimit, delta: input.newLimit - state.limit,
        tierBefore: state.tier, tierAfter: state.tier, score: state.score,
        reasonCodes: storeReasons(codes), reason: input.reason,
        requiredApprovals: authority.requiredApprovals, needsAdmin: authority.needsAdmin, ...override.columns,
        pendingBorrowerId: state.borrowerId, proposedById: ctx.actor.id, proposedByEmail: ctx.actor.email,
      },
    });
    await audit(tx, ctx, "adjustment.proposed", "Adjustment", created.id, null, {
      borrowerId: state.borrowerId, oldLimit: created.oldLimit, newLimit: created.newLimit, reason: input.reason, reasonCodes: input.reasonCodes ?? [], requiredApprovals: created.requiredApprovals,
      ...(override.columns.overrideRules ? { override: { rules: override.columns.overrideRules, reason: input.override?.reason, text: input.override?.text, needsAdmin: created.needsAdmin } } : {}),
    });
    return adjustmentView(created, state.limit);
  });
}

const ntd = (n: number) => `NT$${n.toLocaleString("en-US")}`;

/** A manual cut obeys the policy cut's floor: never below the balance rounded up to NT$1,000. */
function checkCutFloor(current: number, newLimit: number, balance: number) {
  const floor = Math.ceil(Math.max(balance, 0) / 1000) * 1000;
  if (newLimit >= current || newLimit >= floor) return;
  const message = `must be at least ${ntd(floor)}: a cut never goes below the balance (${ntd(balance)}) rounded up to NT$1,000`;
  throw new ApiError(400, `A cut to ${ntd(newLimit)} is below the floor of ${ntd(floor)} (the balance rounded up to NT$1,000).`, [{ field: "body.newLimit", message }], { floor });
}

/**
 * One decision, exactly once: an optimistic version check inside the transaction picks one
 * winner among concurrent deciders; an Idempotency-Key replays the first answer to retries.
 */
export async function decideAdjustment(id: string, decision: "APPROVE" | "REJECT", comment: string | undefined, ctx: Ctx & { idempotencyKey?: string | null }) {
  const prisma = await getPrisma();
  const { body } = await prisma.$transaction((tx) =>
    idempotent(tx, { actorId: ctx.actor.id, key: ctx.idempotencyKey, route: `adjustment:${id}:${decision}` }, () => decideInTx(tx, id, decision, comment, ctx)),
  );
  return body;
}

async function decideInTx(tx: Prisma.TransactionClient, id: string, decision: "APPROVE" | "REJECT", comment: string | undefined, ctx: Ctx) {
  const adj = await tx.adjustment.findUnique({ where: { id }, include: { decisions: true } });
  if (!adj) throw new ApiError(404, `Adjustment ${id} not found`);
  const approvals = adj.decisions.filter((d) => d.decision === "APPROVE");
  const approverIds = approvals.map((d) => d.deciderId);
  // The role as the server knows it now (never the client's word), recorded with the decision.
  const role = ctx.actor.role ?? (await tx.user.findUnique({ where: { id: ctx.actor.id }, select: { role: true } }))?.role ?? null;
  const adminApproved = approvals.some((d) => d.deciderRole === "ADMIN");
  const outcome = decide({ ...adj, approverIds, adminApproved }, ctx.actor.id, decision, role ?? undefined);
  if (!outcome.ok) throw new ApiError(outcome.status, outcome.message, undefined, { current: adjustmentView(adj) });
  const now = ctx.now ?? clockNow();
  // Version counter first (the one lock order: counter, state rows, audit chain), then the base check.
  if (outcome.status === "APPROVED") await portfolioVersionFor(tx);
  if (decision === "APPROVE") {
    const state = await tx.borrowerState.findUnique({ where: { borrowerId: adj.borrowerId }, select: { limit: true } });
    if (state && state.limit !== adj.oldLimit) throw new StaleLimitError(adj.borrowerId, adj.oldLimit, state.limit);
    if (adj.staleReason) throw new ApiError(409, `Proposed on scores that no longer hold: ${adj.staleReason}. Re-propose it.`, undefined, { stale: true, staleReason: adj.staleReason });
    // The ceiling may have been lowered since the proposal: nothing is applied above it.
    const cap = aboveHardCap(adj.newLimit, await getSettings(tx));
    if (cap && adj.newLimit > adj.oldLimit) throw new ApiError(409, `${ntd(adj.newLimit)} is above the per-borrower ceiling now in force: re-propose it.`, [{ field: "newLimit", message: cap }]);
  }
  const { count } = await tx.adjustment.updateMany({
    where: { id, version: adj.version, status: "PENDING" },
    data: {
      version: { increment: 1 },
      status: outcome.status,
      approvalCount: approverIds.length + (decision === "APPROVE" ? 1 : 0),
      ...(outcome.final ? { pendingBorrowerId: null, decidedAt: now } : {}),
    },
  });
  if (count !== 1) {
    const current = await tx.adjustment.findUnique({ where: { id }, include: { decisions: true } });
    throw new ApiError(409, `Someone else decided first: the adjustment is now ${current?.status}.`, undefined, { current: current && adjustmentView(current) });
  }
  await tx.adjustmentDecision.create({ data: { adjustmentId: id, deciderId: ctx.actor.id, deciderEmail: ctx.actor.email, deciderRole: role, decision, comment: comment ?? null } });
  const after = await tx.adjustment.findUniqueOrThrow({ where: { id }, include: { decisions: true } });
  let limitChange = null;
  if (outcome.status === "APPROVED") {
    const policy = await tx.policy.findFirst({ where: adj.policyId ? { id: adj.policyId } : { status: "ACTIVE" } });
    const noticeDays = (policy?.config as unknown as PolicyConfig | undefined)?.noticeDays ?? 0;
    limitChange = await approveLimitChange(tx, after, noticeDays, now, ctx);
  }
  const action: AuditAction = outcome.status === "APPROVED" ? "adjustment.approved" : outcome.status === "REJECTED" ? "adjustment.rejected" : "adjustment.approval_recorded";
  await audit(tx, ctx, action, "Adjustment", id, { status: adj.status, approvals: approverIds.length }, {
    borrowerId: adj.borrowerId, status: outcome.status, approvals: after.approvalCount, requiredApprovals: adj.requiredApprovals, comment: comment ?? null, limitChangeId: limitChange?.id ?? null,
  });
  return { adjustment: adjustmentView(after), limitChange: limitChange && limitChangeView(limitChange) };
}

export const newId = () => randomUUID();

/** Bulk decisions: each item in its own transaction; an item that cannot be decided is reported. */
export async function decideMany(ids: string[], decision: "APPROVE" | "REJECT", comment: string | undefined, ctx: Ctx) {
  const results: Array<{ id: string; status: number; outcome?: string; message?: string }> = [];
  for (const id of [...new Set(ids)]) {
    try {
      const { adjustment } = await decideAdjustment(id, decision, comment, ctx);
      results.push({ id, status: 200, outcome: adjustment.status });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      results.push({ id, status: err.status, message: err.message });
    }
  }
  return { results };
}

export const BULK_DECIDE_JOB = "adjustments.bulk-decide";
export type BulkByFilterPayload = { filter: AdjustmentFilter; decision: "APPROVE" | "REJECT"; comment?: string; actor: { id: string; email: string }; requestId?: string };

/** Bulk decision on every PENDING item matching a filter, as a job (202 { jobId, matched }). */
export async function startBulkByFilter(payload: BulkByFilterPayload) {
  const prisma = await getPrisma();
  const matched = await prisma.adjustment.count({ where: { AND: [adjustmentFilter(payload.filter), { status: "PENDING" }] } });
  const key = createHash("sha256").update(JSON.stringify([payload.actor.id, payload.filter, payload.decision])).digest("hex").slice(0, 32);
  const job = await enqueueJob({ kind: BULK_DECIDE_JOB, key, payload, actor: payload.actor, permission: "adjustment:decide", total: matched });
  return { jobId: job.jobId, matched, alreadyRunning: !job.created };
}
