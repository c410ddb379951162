import "server-only";
import { getPrisma } from "@/lib/db/client";
import { appealView, limitChangeView } from "@/features/adjustments/views";

/**
 * The export feed: limit changes in `seq` order after a cursor. `seq` never changes and rows are
 * never deleted, so re-reading from a cursor returns the same changes (their status may have
 * moved on from SCHEDULED to APPLIED or CANCELLED; consumers key on `id`).
 */
export async function limitChangeFeed(after: string | undefined, limit: number) {
  const prisma = await getPrisma();
  const rows = await prisma.limitChange.findMany({
    where: after ? { seq: { gt: Number(after) } } : {},
    orderBy: { seq: "asc" },
    take: limit,
  });
  const items = rows.map(limitChangeView);
  return { items, nextCursor: items.length ? String(items[items.length - 1].seq) : (after ?? null) };
}

/** A borrower's limit history, notices, appeals and pending proposal (for the borrower page). */
export async function borrowerLimitHistory(borrowerId: number, now: Date) {
  const prisma = await getPrisma();
  const [changes, notices, appeals, pending] = await Promise.all([
    prisma.limitChange.findMany({ where: { borrowerId }, orderBy: { seq: "desc" } }),
    prisma.borrowerNotice.findMany({ where: { borrowerId }, orderBy: { createdAt: "desc" } }),
    prisma.appeal.findMany({ where: { borrowerId }, orderBy: { receivedAt: "desc" } }),
    prisma.adjustment.findUnique({ where: { pendingBorrowerId: borrowerId }, include: { decisions: true } }),
  ]);
  return {
    limitChanges: changes.map(limitChangeView),
    notices: notices.map((n) => ({ id: n.id, kind: n.kind, text: n.text, effectiveDate: n.effectiveDate.toISOString(), createdAt: n.createdAt.toISOString(), reasonCodes: n.reasonCodes, limitChangeId: n.limitChangeId })),
    appeals: appeals.map((a) => appealView(a, now)),
    pendingAdjustmentId: pending?.id ?? null,
  };
}

export async function listAppeals(status: "OPEN" | "UPHELD" | "REVERSED" | undefined, now: Date) {
  const prisma = await getPrisma();
  // Overdue first: the soonest due date leads among open appeals.
  const rows = await prisma.appeal.findMany({ where: status ? { status } : {}, orderBy: [{ status: "asc" }, { dueAt: "asc" }] });
  const excluded = await cutDeciders(rows.filter((a) => a.status === "OPEN").map((a) => a.limitChangeId));
  return rows.map((a) => ({ ...appealView(a, now), excludedDeciders: excluded.get(a.limitChangeId) ?? [] }));
}

/**
 * Who may not decide an appeal against each cut: its proposer and its approvers (the server's
 * rule, features/appeals/rules.ts appealDeciderProblem), so the inbox hides their buttons.
 */
async function cutDeciders(limitChangeIds: string[]): Promise<Map<string, string[]>> {
  if (!limitChangeIds.length) return new Map();
  const prisma = await getPrisma();
  const changes = await prisma.limitChange.findMany({ where: { id: { in: [...new Set(limitChangeIds)] } }, select: { id: true, adjustmentId: true } });
  const adjustments = await prisma.adjustment.findMany({
    where: { id: { in: changes.flatMap((c) => (c.adjustmentId ? [c.adjustmentId] : [])) } },
    select: { id: true, proposedByEmail: true, decisions: { where: { decision: "APPROVE" }, select: { deciderEmail: true } } },
  });
  const byAdjustment = new Map(adjustments.map((a) => [a.id, [a.proposedByEmail, ...a.decisions.map((d) => d.deciderEmail)]]));
  return new Map(changes.map((c) => [c.id, (c.adjustmentId && byAdjustment.get(c.adjustmentId)) || []]));
}

/** The limits ahead of a borrower (issue 11 §2): the PENDING proposal and the SCHEDULED change, if any. */
export async function limitOutlook(borrowerId: number) {
  const prisma = await getPrisma();
  const [pending, scheduled] = await Promise.all([
    prisma.adjustment.findUnique({ where: { pendingBorrowerId: borrowerId }, select: { newLimit: true } }),
    prisma.limitChange.findFirst({ where: { borrowerId, status: "SCHEDULED" }, orderBy: { seq: "desc" }, select: { newLimit: true, effectiveDate: true } }),
  ]);
  return { pendingLimit: pending?.newLimit ?? null, scheduled: scheduled ? { newLimit: scheduled.newLimit, effectiveDate: scheduled.effectiveDate.toISOString() } : null };
}
