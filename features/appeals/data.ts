import "server-only";
import { getPrisma } from "@/lib/db/client";
import { appealView } from "@/features/appeals/views";

/** A borrower's appeals, newest first (the borrower page). */
export async function borrowerAppeals(borrowerId: number, now: Date) {
  const prisma = await getPrisma();
  const rows = await prisma.appeal.findMany({ where: { borrowerId }, orderBy: { receivedAt: "desc" } });
  return rows.map((a) => appealView(a, now));
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
 * rule, appealDeciderProblem in ./rules), so the inbox hides their buttons.
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
