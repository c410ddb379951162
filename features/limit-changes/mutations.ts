// The one write path for limits: setLimit is the ONLY code that changes a borrower's current
// limit (features/limit-changes/write-path.test.ts fails if another file writes it). Approvals, due
// changes (features/due-changes, in batches) and appeal reversals create LimitChange rows and go
// through setLimit or its set-based sibling setLimits.
import "server-only";
import type { Adjustment, AdjustmentDecision, LimitChange, Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import { bumpPortfolioVersion } from "@/features/borrowers/mutations";
import { ApiError } from "@/lib/api/errors";
import { effectiveDate } from "@/features/adjustments/rules";
import { cancellationText, increaseText, noticeText, restoredText } from "./notice";
import { adviceFor, positiveReasonsFor } from "./reasons";
import { readReasons, storeReasons } from "@/features/scoring/reason-store";

export type LimitCtx = { actor: { id: string | null; email: string | null } | null; requestId?: string; ip?: string | null };
export type LimitCause = "APPROVAL" | "DUE_CHANGE" | "APPEAL_REVERSAL";

const ntd = (n: number) => `NT$${n.toLocaleString("en-US")}`;

/** The limit a change was decided against is no longer the borrower's limit. */
export class StaleLimitError extends ApiError {
  constructor(readonly borrowerId: number, readonly baseLimit: number, readonly currentLimit: number) {
    super(409, `Borrower ${borrowerId}'s limit is now ${ntd(currentLimit)}, not ${ntd(baseLimit)} as when the change was proposed: re-propose it against the current limit.`, undefined, {
      baseLimit, currentLimit, stale: true,
    });
  }
}

// One portfolio version per transaction: the first state write bumps the counter, later ones in
// the same transaction reuse it (the interactive transaction client is one object per transaction).
const txVersions = new WeakMap<object, Promise<number>>();
export function portfolioVersionFor(tx: Prisma.TransactionClient): Promise<number> {
  let v = txVersions.get(tx);
  if (!v) txVersions.set(tx, (v = bumpPortfolioVersion(tx)));
  return v;
}

/**
 * Sets a borrower's limit `from` → `to` in the caller's transaction: bumps the portfolio version
 * (first, so every writer takes its locks in one order: version counter, state row, audit chain),
 * locks the state row, refuses if the current limit is not `from`, updates limit and utilisation
 * (and the overview summary's exposure), and writes the audit event.
 */
export async function setLimit(
  tx: Prisma.TransactionClient,
  input: { borrowerId: number; from: number; to: number; cause: LimitCause; limitChangeId: string | null; ctx: LimitCtx },
) {
  const version = await portfolioVersionFor(tx);
  const [state] = await tx.$queryRaw<Array<{ limit: number }>>`
    SELECT "limit" FROM "BorrowerState" WHERE "borrowerId" = ${input.borrowerId} FOR UPDATE`;
  if (!state) throw new ApiError(404, `Borrower ${input.borrowerId} has no current state`);
  if (state.limit !== input.from) throw new StaleLimitError(input.borrowerId, input.from, state.limit);
  await tx.$executeRaw`
    UPDATE "BorrowerState" SET "limit" = ${input.to},
      "utilization" = CASE WHEN ${input.to}::int > 0 THEN "balance"::float8 / ${input.to}::int ELSE 0 END, "version" = ${version}
    WHERE "borrowerId" = ${input.borrowerId}`;
  // The overview's summary follows the state: exposure moves by exactly this change.
  await tx.$executeRaw`UPDATE "PortfolioSummary" SET "exposure" = "exposure" + ${input.to - input.from}, "version" = ${version}, "updatedAt" = now() WHERE "id" = 1`;
  await recordAudit(tx, {
    actor: input.ctx.actor, action: "limit.changed", entityType: "Borrower", entityId: input.borrowerId,
    before: { limit: input.from }, after: { limit: input.to, cause: input.cause, limitChangeId: input.limitChangeId, portfolioVersion: version },
    requestId: input.ctx.requestId, ip: input.ctx.ip,
  });
}

/** The borrower's balance and full adverse reason list (every losing characteristic, with points). */
async function stateFacts(tx: Prisma.TransactionClient, borrowerId: number) {
  const state = await tx.borrowerState.findUnique({ where: { borrowerId }, select: { balance: true, reasonCodes: true } });
  return { balance: state?.balance ?? 0, codes: readReasons(state?.reasonCodes) };
}

export type LimitRow = { borrowerId: number; from: number; to: number; limitChangeId: string | null };
export type SetLimitsResult = { applied: number; exposureChange: number; stale: Array<{ borrowerId: number; currentLimit: number | null }> };

/**
 * setLimit's set-based sibling for batches (run approvals, bulk decisions): the same guarantees for
 * many rows in the caller's transaction, in a handful of statements — version counter first (it
 * serialises every limit writer, so the one UPDATE … FROM cannot deadlock another), the base check
 * (rows whose current limit is not `from` are returned as stale and NOT written), limit,
 * utilisation and version, the summary's exposure by exactly the sum, and ONE audit event for the
 * batch carrying every borrower, the limit change ids and the totals (plus the caller's `meta`).
 * `source` is a SELECT (code, never input) of "borrowerId" int, "from" int, "to" int, "limitChangeId" text.
 */
export async function setLimits(
  tx: Prisma.TransactionClient,
  source: string,
  input: { cause: LimitCause; ctx: LimitCtx; entityType: string; entityId: string; meta?: Record<string, unknown> },
): Promise<SetLimitsResult> {
  const version = await portfolioVersionFor(tx);
  const [r] = await tx.$queryRawUnsafe<Array<{ n: number; change: bigint; inc: bigint; dec: bigint; ids: number[]; lcids: Array<string | null>; stale: Array<{ borrowerId: number; currentLimit: number | null }> }>>(`
    WITH v AS (${source}),
    u AS (
      UPDATE "BorrowerState" s SET "limit" = v."to",
        "utilization" = CASE WHEN v."to" > 0 THEN s."balance"::float8 / v."to" ELSE 0 END, "version" = $1
      FROM v WHERE s."borrowerId" = v."borrowerId" AND s."limit" = v."from"
      RETURNING s."borrowerId", v."from", v."to", v."limitChangeId")
    SELECT count(*)::int AS n, coalesce(sum(u."to" - u."from"), 0)::bigint AS change,
      coalesce(sum(u."to" - u."from") FILTER (WHERE u."to" > u."from"), 0)::bigint AS inc,
      coalesce(sum(u."from" - u."to") FILTER (WHERE u."to" < u."from"), 0)::bigint AS dec,
      coalesce(array_agg(u."borrowerId" ORDER BY u."borrowerId"), '{}') AS ids, coalesce(array_agg(u."limitChangeId" ORDER BY u."borrowerId"), '{}') AS lcids,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('borrowerId', v."borrowerId", 'currentLimit', s."limit") ORDER BY v."borrowerId"), '[]')
       FROM v LEFT JOIN "BorrowerState" s ON s."borrowerId" = v."borrowerId" WHERE s."limit" IS DISTINCT FROM v."from") AS stale
    FROM u`, version);
  const change = Number(r.change);
  await tx.$executeRaw`UPDATE "PortfolioSummary" SET "exposure" = "exposure" + ${change}, "version" = ${version}, "updatedAt" = now() WHERE "id" = 1`;
  await recordAudit(tx, {
    actor: input.ctx.actor, action: "limits.changed", entityType: input.entityType, entityId: input.entityId,
    before: null,
    after: {
      cause: input.cause, portfolioVersion: version, count: r.n, exposureChange: change, increase: Number(r.inc), decrease: Number(r.dec),
      borrowerIds: r.ids, limitChangeIds: r.lcids, stale: r.stale.map((x) => x.borrowerId), ...input.meta,
    },
    requestId: input.ctx.requestId, ip: input.ctx.ip,
  });
  return { applied: r.n, exposureChange: change, stale: r.stale };
}

type NoticeInput = {
  borrowerId: number; limitChangeId: string; kind: "DECREASE" | "INCREASE" | "CANCELLATION" | "RESTORED";
  text: string; reasonCodes: Prisma.InputJsonValue; effectiveDate: Date;
};

/**
 * The one way a single notice is written: the row and its audit event, which carries the borrower
 * id so audit search by borrower finds every notice the borrower was sent (issue 11 §6). Run
 * approvals insert a batch's notices in bulk; their ONE batch event (setLimits) names the batch.
 */
async function writeNotice(tx: Prisma.TransactionClient, input: NoticeInput, ctx: LimitCtx) {
  const notice = await tx.borrowerNotice.create({ data: input });
  await recordAudit(tx, {
    actor: ctx.actor, action: "notice.created", entityType: "BorrowerNotice", entityId: notice.id, before: null,
    after: { borrowerId: input.borrowerId, kind: input.kind, limitChangeId: input.limitChangeId, effectiveDate: input.effectiveDate.toISOString() },
    requestId: ctx.requestId, ip: ctx.ip,
  });
  return notice;
}

async function writeCancellationNotice(tx: Prisma.TransactionClient, change: LimitChange, why: string, ctx: LimitCtx) {
  if (change.newLimit >= change.oldLimit) return; // only a decrease was announced to the borrower
  const { balance } = await stateFacts(tx, change.borrowerId);
  await writeNotice(tx, {
    borrowerId: change.borrowerId, limitChangeId: change.id, kind: "CANCELLATION", reasonCodes: [], effectiveDate: change.effectiveDate,
    text: cancellationText({ oldLimit: change.oldLimit, newLimit: change.newLimit, effectiveDate: change.effectiveDate, why, balance }),
  }, ctx);
}

/** An applied cut reversed on appeal: the borrower is told the previous limit is back. */
export async function writeRestoredNotice(tx: Prisma.TransactionClient, change: LimitChange, ctx: LimitCtx) {
  const { balance } = await stateFacts(tx, change.borrowerId);
  await writeNotice(tx, {
    borrowerId: change.borrowerId, limitChangeId: change.id, kind: "RESTORED", reasonCodes: [], effectiveDate: change.effectiveDate,
    text: restoredText({ fromLimit: change.oldLimit, toLimit: change.newLimit, balance }),
  }, ctx);
}

/** A SCHEDULED change that will never apply: SUPERSEDED (audited, the borrower told). False if it was no longer scheduled. */
export async function supersedeChange(tx: Prisma.TransactionClient, change: LimitChange, why: string, ctx: LimitCtx) {
  const { count } = await tx.limitChange.updateMany({ where: { id: change.id, status: "SCHEDULED" }, data: { status: "SUPERSEDED" } });
  if (count !== 1) return false;
  await writeCancellationNotice(tx, change, why, ctx);
  await recordAudit(tx, {
    actor: ctx.actor, action: "limit_change.superseded", entityType: "LimitChange", entityId: change.id,
    before: { status: "SCHEDULED" }, after: { borrowerId: change.borrowerId, status: "SUPERSEDED", reason: why }, requestId: ctx.requestId, ip: ctx.ip,
  });
  return true;
}

/** An appeal reversed a cut that had not reached the borrower: CANCELLED, with a cancellation notice. */
export async function cancelScheduledCut(tx: Prisma.TransactionClient, change: LimitChange, ctx: LimitCtx) {
  await tx.limitChange.update({ where: { id: change.id }, data: { status: "CANCELLED" } });
  await writeCancellationNotice(tx, change, "your appeal was upheld", ctx);
}

/**
 * Turns a finally approved adjustment into a LimitChange: earlier SCHEDULED changes of the borrower
 * are superseded, an increase applies at once through setLimit, a decrease is scheduled with a notice.
 */
export async function approveLimitChange(
  tx: Prisma.TransactionClient,
  adj: Adjustment & { decisions: AdjustmentDecision[] },
  noticeDays: number,
  now: Date,
  ctx: LimitCtx,
) {
  await portfolioVersionFor(tx);
  const when = effectiveDate(adj.oldLimit, adj.newLimit, noticeDays, now);
  const immediate = when.getTime() <= now.getTime();
  const earlier = await tx.limitChange.findMany({ where: { borrowerId: adj.borrowerId, status: "SCHEDULED" }, orderBy: { seq: "asc" } });
  const change = await tx.limitChange.create({
    data: {
      borrowerId: adj.borrowerId, adjustmentId: adj.id, oldLimit: adj.oldLimit, newLimit: adj.newLimit,
      approvers: adj.decisions.filter((d) => d.decision === "APPROVE").map((d) => d.deciderEmail),
      effectiveDate: when, status: immediate ? "APPLIED" : "SCHEDULED", appliedAt: immediate ? now : null,
    },
  });
  if (immediate) await setLimit(tx, { borrowerId: adj.borrowerId, from: adj.oldLimit, to: adj.newLimit, cause: "APPROVAL", limitChangeId: change.id, ctx });
  for (const e of earlier) await supersedeChange(tx, e, `a later decision (limit change ${change.id}) replaced it`, ctx);
  // Every change is told to the borrower: a cut with its reasons and advice before it takes
  // effect, an increase with positive reasons only; both with the credit then available.
  const codes = readReasons(adj.reasonCodes);
  const facts = await stateFacts(tx, adj.borrowerId);
  const base = { oldLimit: adj.oldLimit, newLimit: adj.newLimit, effectiveDate: when, balance: facts.balance };
  if (adj.newLimit < adj.oldLimit) {
    const advice = adviceFor(codes.some((c) => c.pointsLost != null) ? codes : facts.codes);
    await writeNotice(tx, {
      borrowerId: adj.borrowerId, limitChangeId: change.id, kind: "DECREASE", reasonCodes: storeReasons(codes), effectiveDate: when,
      text: noticeText({ ...base, reasons: codes.map((c) => c.text), advice }),
    }, ctx);
  } else {
    const positive = positiveReasonsFor(codes.length ? codes : facts.codes);
    await writeNotice(tx, {
      borrowerId: adj.borrowerId, limitChangeId: change.id, kind: "INCREASE", reasonCodes: storeReasons(positive), effectiveDate: when,
      text: increaseText({ ...base, reasons: positive.map((c) => c.text) }),
    }, ctx);
  }
  return change;
}

/**
 * A replacement revision re-scored `month` (issue 10): decisions computed from the old scores must
 * not go through silently. For every borrower whose score or tier that month changed (the old rows
 * in the temporary table "_old_scores", the new ones in "Score"), a PENDING adjustment is marked
 * stale (`staleReason`: approving it is a 409 until it is re-proposed) and a SCHEDULED change is
 * superseded with a cancellation notice; each audited. Runs in the import's transaction.
 */
export async function recheckAfterRescore(tx: Prisma.TransactionClient, month: string, revision: number, ctx: LimitCtx) {
  const why = `revision ${revision} of the ${month} statements re-scored the borrower`;
  const moved = `SELECT o."borrowerId", o."score" AS before, n."score" AS after FROM "_old_scores" o
    LEFT JOIN "Score" n ON n."borrowerId" = o."borrowerId" AND n."month" = $1 WHERE n."score" IS DISTINCT FROM o."score" OR n."tier" IS DISTINCT FROM o."tier"`;
  const stale = await tx.$queryRawUnsafe<Array<{ id: string; borrowerId: number; before: number; after: number | null }>>(`
    WITH moved AS (${moved})
    UPDATE "Adjustment" a SET "staleReason" = $2 || ' (score ' || m.before || ' → ' || coalesce(m.after::text, 'not scored') || ')'
    FROM moved m WHERE a."borrowerId" = m."borrowerId" AND a."status" = 'PENDING' AND a."staleReason" IS NULL
    RETURNING a."id", a."borrowerId", m.before, m.after`, month, why);
  for (const a of stale) {
    await recordAudit(tx, {
      actor: ctx.actor, action: "adjustment.stale", entityType: "Adjustment", entityId: a.id,
      before: { score: a.before }, after: { borrowerId: a.borrowerId, score: a.after, month, revision, reason: why },
    });
  }
  const scheduled = await tx.$queryRawUnsafe<LimitChange[]>(`
    WITH moved AS (${moved})
    SELECT c.* FROM "LimitChange" c JOIN moved m ON m."borrowerId" = c."borrowerId" WHERE c."status" = 'SCHEDULED' ORDER BY c."seq"`, month);
  let superseded = 0;
  for (const c of scheduled) if (await supersedeChange(tx, c, `${why}: the change was decided on scores that no longer hold`, ctx)) superseded++;
  return { staleAdjustments: stale.length, supersededChanges: superseded };
}
