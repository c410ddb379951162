// Bulk decisions by filter ("every item matching this filter"), set-based: batches of PENDING
// items in id order, each batch ONE transaction — the items locked, every item judged by the same
// pure rule as a single decision (features/adjustments/rules.ts decide: the proposer may not
// decide, two different approvers, an override's ADMIN approver), approved items checked against
// their base limit and the ceiling (stale → reported, left PENDING), then a handful of set-based
// statements: decisions, item updates, limit changes, notices, the limits through setLimits and
// ONE audit event for the batch carrying the item ids and totals.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { recordAudit } from "@/features/audit/mutations";
import { getSettings } from "@/features/settings/data";
import type { PolicyConfig } from "@/features/policy/schema";
import { adjustmentFilter } from "@/features/adjustments/data";
import type { BulkByFilterPayload } from "@/features/adjustments/mutations";
import { decide, effectiveDate } from "@/features/adjustments/rules";
import { aboveHardCap } from "@/features/overrides/rules";
import { portfolioVersionFor, setLimits } from "@/features/limit-changes/mutations";
import { cancellationText, increaseText, noticeText } from "@/features/limit-changes/notice";
import { adviceFor, positiveReasonsFor } from "@/features/limit-changes/reasons";
import { readReasons, storeReasons } from "@/features/scoring/reason-store";

/** Items per batch transaction. */
export const BULK_BATCH = 10_000;

type Item = {
  id: string; borrowerId: number; oldLimit: number; newLimit: number; status: "PENDING" | "APPROVED" | "REJECTED"; proposedById: string; requiredApprovals: number;
  needsAdmin: boolean; approvalCount: number; policyId: string | null; reasonCodes: Prisma.JsonValue;
};
type Failure = { id: string; status: number; message: string };
type Outcome = { item: Item; status: "APPROVED" | "REJECTED" | "PENDING"; approvers: string[] };

const json = (v: unknown) => JSON.stringify(v);

export async function decideByFilter(payload: BulkByFilterPayload, progress: (done: number, total?: number | null) => Promise<void>, batchSize = BULK_BATCH) {
  const prisma = await getPrisma();
  const outcomes: Record<string, number> = {};
  const failures: Failure[] = [];
  let cursor = "", done = 0;
  for (;;) {
    const step = await prisma.$transaction((tx) => decideBatch(tx, payload, cursor, batchSize), { timeout: 600_000 });
    if (step.n === 0) break;
    for (const [k, v] of Object.entries(step.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
    for (const f of step.failures) if (failures.length < 100) failures.push(f);
    cursor = step.cursor;
    done += step.n;
    await progress(done);
  }
  return { decided: done, outcomes, failures };
}

async function decideBatch(tx: Prisma.TransactionClient, payload: BulkByFilterPayload, cursor: string, batchSize: number) {
  const { actor } = payload;
  const ctx = { actor, requestId: payload.requestId };
  if (payload.decision === "APPROVE") await portfolioVersionFor(tx); // lock order: version counter, items, state rows, audit chain
  const ids = (await tx.adjustment.findMany({
    where: { AND: [adjustmentFilter(payload.filter), { status: "PENDING" }, { id: { gt: cursor } }] }, select: { id: true }, orderBy: { id: "asc" }, take: batchSize,
  })).map((r) => r.id);
  const empty = { n: 0, cursor, outcomes: {} as Record<string, number>, failures: [] as Failure[] };
  if (ids.length === 0) return empty;
  const items = await tx.$queryRaw<Item[]>`
    SELECT "id", "borrowerId", "oldLimit", "newLimit", "status", "proposedById", "requiredApprovals", "needsAdmin", "approvalCount", "policyId", "reasonCodes"
    FROM "Adjustment" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  const decisions = await tx.adjustmentDecision.findMany({ where: { adjustmentId: { in: ids }, decision: "APPROVE" }, orderBy: { createdAt: "asc" } });
  const role = (await tx.user.findUnique({ where: { id: actor.id }, select: { role: true } }))?.role ?? undefined;
  const settings = await getSettings(tx);
  const failures: Failure[] = [];
  const judged: Outcome[] = [];
  for (const item of items) {
    const prior = decisions.filter((d) => d.adjustmentId === item.id);
    const outcome = decide({ ...item, approverIds: prior.map((d) => d.deciderId), adminApproved: prior.some((d) => d.deciderRole === "ADMIN") }, actor.id, payload.decision, role);
    if (!outcome.ok) failures.push({ id: item.id, status: outcome.status, message: outcome.message });
    else judged.push({ item, status: outcome.status, approvers: [...prior.map((d) => d.deciderEmail), actor.email] });
  }
  // Approvals that become final: the base limit must still hold and the ceiling must allow them.
  const finals = judged.filter((o) => o.status === "APPROVED");
  const states = await tx.$queryRaw<Array<{ borrowerId: number; limit: number; balance: number; reasonCodes: Prisma.JsonValue }>>`
    SELECT "borrowerId", "limit", "balance", "reasonCodes" FROM "BorrowerState" WHERE "borrowerId" = ANY(${finals.map((o) => o.item.borrowerId)}::int[]) ORDER BY "borrowerId" FOR UPDATE`;
  const stateOf = new Map(states.map((s) => [s.borrowerId, s]));
  const ok = judged.filter((o) => {
    if (o.status !== "APPROVED") return true;
    const limit = stateOf.get(o.item.borrowerId)?.limit;
    if (limit !== o.item.oldLimit) failures.push({ id: o.item.id, status: 409, message: `Borrower ${o.item.borrowerId}'s limit is now ${limit}, not ${o.item.oldLimit} as when the change was proposed: re-propose it.` });
    else if (o.item.newLimit > o.item.oldLimit && aboveHardCap(o.item.newLimit, settings)) failures.push({ id: o.item.id, status: 409, message: "Above the per-borrower ceiling now in force: re-propose it." });
    else return true;
    return false;
  });
  const now = clockNow();
  await tx.$executeRaw`
    INSERT INTO "AdjustmentDecision" ("id", "adjustmentId", "deciderId", "deciderEmail", "deciderRole", "decision", "comment")
    SELECT gen_random_uuid()::text, x.id, ${actor.id}, ${actor.email}, ${role ?? null}, ${payload.decision}, ${payload.comment ?? null}
    FROM unnest(${ok.map((o) => o.item.id)}::text[]) AS x(id)`;
  await tx.$executeRaw`
    UPDATE "Adjustment" a SET "status" = x.status::"AdjustmentStatus", "approvalCount" = a."approvalCount" + ${payload.decision === "APPROVE" ? 1 : 0},
      "version" = a."version" + 1, "pendingBorrowerId" = CASE WHEN x.status = 'PENDING' THEN a."pendingBorrowerId" END,
      "decidedAt" = CASE WHEN x.status = 'PENDING' THEN a."decidedAt" ELSE ${now}::timestamp(3) END
    FROM unnest(${ok.map((o) => o.item.id)}::text[], ${ok.map((o) => o.status)}::text[]) AS x(id, status) WHERE a."id" = x.id`;
  const approved = ok.filter((o) => o.status === "APPROVED");
  const applied = approved.length ? await applyApproved(tx, approved, stateOf, now, ctx) : null;
  const counts: Record<string, number> = {};
  for (const o of ok) counts[o.status] = (counts[o.status] ?? 0) + 1;
  for (const f of failures) counts[`error ${f.status}`] = (counts[`error ${f.status}`] ?? 0) + 1;
  const meta = {
    filter: payload.filter, decision: payload.decision, comment: payload.comment ?? null, outcomes: counts,
    approvedItemIds: approved.map((o) => o.item.id), rejectedItemIds: ok.filter((o) => o.status === "REJECTED").map((o) => o.item.id),
    recordedItemIds: ok.filter((o) => o.status === "PENDING").map((o) => o.item.id), failures: failures.map((f) => ({ id: f.id, status: f.status })),
  };
  // The batch's ONE audit event: setLimits' when the batch approved anything, otherwise this one.
  if (applied) await applied(meta);
  else await recordAudit(tx, { actor, action: "adjustments.bulk_decided", entityType: "Adjustment", entityId: null, before: null, after: meta, requestId: payload.requestId });
  return { n: items.length, cursor: ids[ids.length - 1], outcomes: counts, failures };
}

/** Final approvals: limit changes (increases at once, cuts scheduled), earlier scheduled changes superseded, notices; returns the setLimits step. */
async function applyApproved(tx: Prisma.TransactionClient, approved: Outcome[], stateOf: Map<number, { balance: number; reasonCodes: Prisma.JsonValue }>, now: Date, ctx: { actor: { id: string; email: string }; requestId?: string }) {
  const policies = await tx.policy.findMany({ where: { OR: [{ status: "ACTIVE" }, { id: { in: approved.flatMap((o) => (o.item.policyId ? [o.item.policyId] : [])) } }] }, select: { id: true, status: true, config: true } });
  const noticeOf = (policyId: string | null) => ((policies.find((p) => (policyId ? p.id === policyId : p.status === "ACTIVE"))?.config as unknown as PolicyConfig | undefined)?.noticeDays ?? 0);
  const changes = approved.map((o) => {
    const at = effectiveDate(o.item.oldLimit, o.item.newLimit, noticeOf(o.item.policyId), now), immediate = at.getTime() <= now.getTime();
    return { id: randomUUID(), borrowerId: o.item.borrowerId, adjustmentId: o.item.id, oldLimit: o.item.oldLimit, newLimit: o.item.newLimit, approvers: o.approvers, effectiveDate: at, status: immediate ? "APPLIED" : "SCHEDULED", appliedAt: immediate ? now : null, o };
  });
  const superseded = await tx.$queryRaw<Array<{ id: string; borrowerId: number; oldLimit: number; newLimit: number; effectiveDate: Date }>>`
    UPDATE "LimitChange" SET "status" = 'SUPERSEDED' WHERE "borrowerId" = ANY(${changes.map((c) => c.borrowerId)}::int[]) AND "status" = 'SCHEDULED'
    RETURNING "id", "borrowerId", "oldLimit", "newLimit", "effectiveDate"`;
  await tx.$executeRaw`
    INSERT INTO "LimitChange" ("id", "borrowerId", "adjustmentId", "oldLimit", "newLimit", "approvers", "effectiveDate", "status", "appliedAt")
    SELECT x."id", x."borrowerId", x."adjustmentId", x."oldLimit", x."newLimit", x."approvers", x."effectiveDate", x."status"::"LimitChangeStatus", x."appliedAt"
    FROM jsonb_to_recordset(${json(changes.map(({ o: _o, ...c }) => c))}::jsonb)
      AS x("id" text, "borrowerId" int, "adjustmentId" text, "oldLimit" int, "newLimit" int, "approvers" jsonb, "effectiveDate" timestamp(3), "status" text, "appliedAt" timestamp(3))`;
  const changeOf = new Map(changes.map((c) => [c.borrowerId, c.id]));
  const notices = [
    ...superseded.filter((c) => c.newLimit < c.oldLimit).map((c) => ({
      borrowerId: c.borrowerId, limitChangeId: c.id, kind: "CANCELLATION", reasonCodes: [], effectiveDate: c.effectiveDate,
      text: cancellationText({ ...c, balance: stateOf.get(c.borrowerId)?.balance ?? 0, why: `a later decision (limit change ${changeOf.get(c.borrowerId)}) replaced it` }),
    })),
    ...changes.map((c) => {
      const codes = readReasons(c.o.item.reasonCodes), facts = readReasons(stateOf.get(c.borrowerId)?.reasonCodes);
      const base = { oldLimit: c.oldLimit, newLimit: c.newLimit, effectiveDate: c.effectiveDate, balance: stateOf.get(c.borrowerId)?.balance ?? 0 };
      if (c.newLimit < c.oldLimit) {
        const advice = adviceFor(codes.some((r) => r.pointsLost != null) ? codes : facts);
        return { borrowerId: c.borrowerId, limitChangeId: c.id, kind: "DECREASE", reasonCodes: storeReasons(codes), effectiveDate: c.effectiveDate, text: noticeText({ ...base, reasons: codes.map((r) => r.text), advice }) };
      }
      const positive = positiveReasonsFor(codes.length ? codes : facts);
      return { borrowerId: c.borrowerId, limitChangeId: c.id, kind: "INCREASE", reasonCodes: storeReasons(positive), effectiveDate: c.effectiveDate, text: increaseText({ ...base, reasons: positive.map((r) => r.text) }) };
    }),
  ];
  await tx.$executeRaw`
    INSERT INTO "BorrowerNotice" ("id", "borrowerId", "limitChangeId", "kind", "text", "reasonCodes", "effectiveDate")
    SELECT gen_random_uuid()::text, x."borrowerId", x."limitChangeId", x."kind", x."text", x."reasonCodes", x."effectiveDate"
    FROM jsonb_to_recordset(${json(notices)}::jsonb) AS x("borrowerId" int, "limitChangeId" text, "kind" text, "text" text, "reasonCodes" jsonb, "effectiveDate" timestamp(3))`;
  const immediate = changes.filter((c) => c.status === "APPLIED");
  await tx.$executeRawUnsafe(`CREATE TEMPORARY TABLE bulk_limits ("borrowerId" int, "from" int, "to" int, "limitChangeId" text) ON COMMIT DROP`);
  await tx.$executeRaw`
    INSERT INTO bulk_limits SELECT * FROM unnest(${immediate.map((c) => c.borrowerId)}::int[], ${immediate.map((c) => c.oldLimit)}::int[], ${immediate.map((c) => c.newLimit)}::int[], ${immediate.map((c) => c.id)}::text[])`;
  return (meta: Record<string, unknown>) =>
    setLimits(tx, `SELECT "borrowerId", "from", "to", "limitChangeId" FROM bulk_limits`, {
      cause: "APPROVAL", ctx, entityType: "Adjustment", entityId: "bulk",
      meta: { ...meta, scheduledLimitChangeIds: changes.filter((c) => c.status === "SCHEDULED").map((c) => c.id), supersededLimitChangeIds: superseded.map((c) => c.id) },
    });
}
