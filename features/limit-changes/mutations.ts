// The one path by which a borrower's limit changes: a LimitChange row, applied at once or on
// its effective date. Approvals, appeal reversals and the due-date rule all go through here.
import "server-only";
import type { Adjustment, AdjustmentDecision, Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import { invalidatePortfolioColumns } from "@/features/policy/data";
import { getPrisma } from "@/lib/db/client";
import { effectiveDate } from "@/features/adjustments/rules";
import { noticeText } from "./notice";
import { now as clockNow } from "@/lib/clock";

type ReasonCode = { code: string; text: string };

export async function approveLimitChange(
  tx: Prisma.TransactionClient,
  adj: Adjustment & { decisions: AdjustmentDecision[] },
  noticeDays: number,
  now: Date,
) {
  const when = effectiveDate(adj.oldLimit, adj.newLimit, noticeDays, now);
  const immediate = when.getTime() <= now.getTime();
  const change = await tx.limitChange.create({
    data: {
      borrowerId: adj.borrowerId,
      adjustmentId: adj.id,
      oldLimit: adj.oldLimit,
      newLimit: adj.newLimit,
      approvers: adj.decisions.filter((d) => d.decision === "APPROVE").map((d) => d.deciderEmail),
      effectiveDate: when,
      status: immediate ? "APPLIED" : "SCHEDULED",
      appliedAt: immediate ? now : null,
    },
  });
  if (immediate) await tx.borrower.update({ where: { id: adj.borrowerId }, data: { limit: adj.newLimit } });
  if (adj.newLimit < adj.oldLimit) {
    const codes = (adj.reasonCodes as ReasonCode[] | null) ?? [];
    await tx.borrowerNotice.create({
      data: {
        borrowerId: adj.borrowerId,
        limitChangeId: change.id,
        reasonCodes: codes as unknown as Prisma.InputJsonValue,
        text: noticeText({ oldLimit: adj.oldLimit, newLimit: adj.newLimit, effectiveDate: when, reasons: codes.map((c) => c.text) }),
        effectiveDate: when,
      },
    });
  }
  return change;
}

/**
 * The on-read rule: applies every SCHEDULED change whose effective date has passed. Called before
 * reads and writes that depend on limits (borrower page, feed, policy run, decisions); idempotent,
 * each change applied by exactly one caller thanks to the conditional update.
 */
export async function applyDueLimitChanges(now: Date): Promise<number> {
  const prisma = await getPrisma();
  const due = await prisma.limitChange.findMany({ where: { status: "SCHEDULED", effectiveDate: { lte: now } }, orderBy: { seq: "asc" }, take: 5_000 });
  let applied = 0;
  for (const change of due) {
    const done = await prisma.$transaction(async (tx) => {
      const { count } = await tx.limitChange.updateMany({ where: { seq: change.seq, status: "SCHEDULED" }, data: { status: "APPLIED", appliedAt: now } });
      if (count !== 1) return false;
      await tx.borrower.update({ where: { id: change.borrowerId }, data: { limit: change.newLimit } });
      await recordAudit(tx, {
        actor: null, action: "limit_change.applied", entityType: "LimitChange", entityId: change.id,
        before: { status: "SCHEDULED", limit: change.oldLimit }, after: { status: "APPLIED", limit: change.newLimit, appliedAt: now },
      });
      return true;
    });
    if (done) applied++;
  }
  if (applied) invalidatePortfolioColumns();
  return applied;
}

/** The on-read rule at the application's current time (lib/clock). */
export const applyDueNow = () => applyDueLimitChanges(clockNow());
