import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { now as clockNow } from "@/lib/clock";
import { getSettings } from "@/features/settings/data";
import { cancelScheduledCut, portfolioVersionFor, setLimit, writeRestoredNotice } from "@/features/limit-changes/mutations";
import { audit, type Ctx } from "@/features/adjustments/mutations";
import { appealView } from "@/features/appeals/views";
import { appealDeciderProblem, appealDueDate, appealRecordingProblem, type AppealProblem } from "@/features/appeals/rules";

const fail = (p: AppealProblem) =>
  new ApiError(p.status, p.field ? `Invalid body: ${p.field}` : p.message, p.field ? [{ field: p.field, message: p.message }] : undefined);

/** The cut as the appeal rules see it; appeals against one change are serialised by a lock. */
async function appealedChange(tx: Prisma.TransactionClient, change: { id: string; adjustmentId: string | null; createdAt: Date }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`appeal:${change.id}`}))`;
  const [adjustment, appeals] = await Promise.all([
    change.adjustmentId ? tx.adjustment.findUnique({ where: { id: change.adjustmentId }, include: { decisions: true } }) : null,
    tx.appeal.findMany({ where: { limitChangeId: change.id }, select: { status: true } }),
  ]);
  return {
    decidedAt: adjustment?.decidedAt ?? change.createdAt,
    appealStatuses: appeals.map((a) => a.status),
    proposedById: adjustment?.proposedById ?? null,
    approverIds: adjustment?.decisions.filter((d) => d.decision === "APPROVE").map((d) => d.deciderId) ?? [],
  };
}

export async function recordAppeal(input: { limitChangeId: string; channel: string; text: string; receivedAt?: string }, ctx: Ctx) {
  const prisma = await getPrisma();
  const now = ctx.now ?? clockNow();
  return prisma.$transaction(async (tx) => {
    const change = await tx.limitChange.findUnique({ where: { id: input.limitChangeId } });
    if (!change) throw new ApiError(404, `Limit change ${input.limitChangeId} not found`);
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    const problem = appealRecordingProblem({ ...change, ...(await appealedChange(tx, change)) }, receivedAt, now);
    if (problem) throw fail(problem);
    const { appealSlaDays } = await getSettings(tx);
    const appeal = await tx.appeal.create({
      data: {
        borrowerId: change.borrowerId, limitChangeId: change.id, channel: input.channel, text: input.text, receivedAt,
        dueAt: appealDueDate(receivedAt, appealSlaDays), recordedById: ctx.actor.id, recordedByEmail: ctx.actor.email,
      },
    });
    await audit(tx, ctx, "appeal.recorded", "Appeal", appeal.id, null, { borrowerId: appeal.borrowerId, limitChangeId: change.id, channel: input.channel, dueAt: appeal.dueAt });
    return appealView(appeal, now);
  });
}

/** Uphold the cut, or reverse it: the previous limit comes back through a new LimitChange, at once. */
export async function decideAppeal(id: string, input: { decision: "uphold" | "reverse"; comment: string }, ctx: Ctx) {
  const prisma = await getPrisma();
  const now = ctx.now ?? clockNow();
  return prisma.$transaction(async (tx) => {
    const appeal = await tx.appeal.findUnique({ where: { id } });
    if (!appeal) throw new ApiError(404, `Appeal ${id} not found`);
    const cut = await tx.limitChange.findUniqueOrThrow({ where: { id: appeal.limitChangeId } });
    const known = await appealedChange(tx, cut);
    const problem = appealDeciderProblem(known, ctx.actor.id);
    if (problem) throw fail(problem);
    if (known.appealStatuses.includes("REVERSED")) throw new ApiError(409, "This decrease was already reversed on appeal.");
    const status = input.decision === "uphold" ? "UPHELD" : "REVERSED";
    const { count } = await tx.appeal.updateMany({
      where: { id, status: "OPEN" },
      data: { status, decidedById: ctx.actor.id, decidedByEmail: ctx.actor.email, decidedAt: now, comment: input.comment },
    });
    if (count !== 1) throw new ApiError(409, `The appeal is already ${(await tx.appeal.findUnique({ where: { id } }))?.status}.`);
    let reversal = null;
    if (status === "REVERSED" && cut.status === "SCHEDULED") {
      // The cut has not reached the borrower yet: cancelling it (with a notice) keeps the previous limit.
      await cancelScheduledCut(tx, cut, ctx);
    } else if (status === "REVERSED") {
      await portfolioVersionFor(tx); // the one lock order: version counter before state rows and audit
      const state = await tx.borrowerState.findUniqueOrThrow({ where: { borrowerId: appeal.borrowerId }, select: { limit: true } });
      reversal = await tx.limitChange.create({
        data: {
          borrowerId: appeal.borrowerId, appealId: appeal.id, oldLimit: state.limit, newLimit: cut.oldLimit,
          approvers: [ctx.actor.email], effectiveDate: now, status: "APPLIED", appliedAt: now,
        },
      });
      await setLimit(tx, { borrowerId: appeal.borrowerId, from: state.limit, to: cut.oldLimit, cause: "APPEAL_REVERSAL", limitChangeId: reversal.id, ctx });
      await writeRestoredNotice(tx, reversal, ctx);
    }
    const after = await tx.appeal.findUniqueOrThrow({ where: { id } });
    await audit(tx, ctx, status === "UPHELD" ? "appeal.upheld" : "appeal.reversed", "Appeal", id, { status: "OPEN" }, {
      borrowerId: appeal.borrowerId, status, comment: input.comment, reversalLimitChangeId: reversal?.id ?? null, cancelledScheduledCut: cut.status === "SCHEDULED" && status === "REVERSED",
    });
    return appealView(after, now);
  });
}
