import "server-only";
import { getPrisma } from "@/lib/db/client";
import { limitChangeView } from "@/features/adjustments/views";
import { borrowerAppeals } from "@/features/appeals/data";
import { readReasons } from "@/features/scoring/reason-store";

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

/** Every change after the cursor, in seq order, in batches (the streamed CSV of the feed). */
export async function* limitChangeBatches(after: string | undefined, batch = 5_000) {
  const prisma = await getPrisma();
  let seq = after ? Number(after) : 0;
  for (;;) {
    const rows = await prisma.limitChange.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" }, take: batch });
    if (rows.length) yield rows.map(limitChangeView);
    if (rows.length < batch) return;
    seq = rows[rows.length - 1].seq;
  }
}

/** A borrower's limit history, notices, appeals and pending proposal (for the borrower page). */
export async function borrowerLimitHistory(borrowerId: number, now: Date) {
  const prisma = await getPrisma();
  const [changes, notices, appeals, pending] = await Promise.all([
    prisma.limitChange.findMany({ where: { borrowerId }, orderBy: { seq: "desc" } }),
    prisma.borrowerNotice.findMany({ where: { borrowerId }, orderBy: { createdAt: "desc" } }),
    borrowerAppeals(borrowerId, now),
    prisma.adjustment.findUnique({ where: { pendingBorrowerId: borrowerId }, include: { decisions: true } }),
  ]);
  return {
    limitChanges: changes.map(limitChangeView),
    notices: notices.map((n) => ({ id: n.id, kind: n.kind, text: n.text, effectiveDate: n.effectiveDate.toISOString(), createdAt: n.createdAt.toISOString(), reasonCodes: readReasons(n.reasonCodes), limitChangeId: n.limitChangeId })),
    appeals,
    pendingAdjustmentId: pending?.id ?? null,
  };
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
