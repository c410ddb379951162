// Scheduled limit changes that fell due, applied set-based (issue 8 §2): per batch ONE transaction
// that locks the batch's due rows and their borrowers' state rows, applies them through setLimits
// (one portfolio version and ONE `limits.changed` audit event for the batch, naming every borrower,
// change id and the totals), supersedes the stale ones exactly as a single change was (cancellation
// notice, `limit_change.superseded`), and marks the rest APPLIED. A kill mid-batch rolls the whole
// batch back; the status update under the row locks lets exactly one caller apply a change.
import "server-only";
import type { LimitChange, Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { formatNtd } from "@/lib/format";
import { portfolioVersionFor, setLimits, supersedeChange, type LimitCtx } from "@/features/limit-changes/mutations";

/** Due changes per batch transaction (`LIMITDESK_DUE_BATCH`). */
export const DUE_BATCH = 5_000;

export type DueBatch = { changes: number; applied: number; superseded: number };

/**
 * Applies every SCHEDULED change whose effective date is on or before `now`, batch by batch, and
 * returns how many were applied (superseded ones are not counted). `onBatch` sees each committed batch.
 */
export async function applyDueLimitChanges(now: Date, opts: { batchSize?: number; onBatch?: (b: DueBatch) => Promise<void> } = {}): Promise<number> {
  const prisma = await getPrisma();
  const batchSize = opts.batchSize ?? Number(process.env.LIMITDESK_DUE_BATCH ?? DUE_BATCH);
  let applied = 0;
  for (;;) {
    // A cheap look first: the job runs every minute, and an empty batch must not bump the portfolio version.
    const [due] = await prisma.$queryRaw<Array<{ one: number }>>`
      SELECT 1 AS one FROM "LimitChange" WHERE "status" = 'SCHEDULED' AND "effectiveDate" <= ${now} LIMIT 1`;
    if (!due) return applied;
    const batch = await prisma.$transaction((tx) => applyDueBatch(tx, now, batchSize), { timeout: 600_000 });
    if (batch.changes === 0) return applied; // the rest is locked by another writer, who decides it
    applied += batch.applied;
    await opts.onBatch?.(batch);
  }
}

async function applyDueBatch(tx: Prisma.TransactionClient, now: Date, batchSize: number): Promise<DueBatch> {
  const ctx: LimitCtx = { actor: null };
  await portfolioVersionFor(tx); // lock order: version counter, change rows, state rows, audit chain
  // The oldest due changes not locked by another writer; one per borrower per batch (a borrower's
  // later change is checked against the limit its earlier one left, in the next batch).
  await tx.$executeRawUnsafe(`
    CREATE TEMPORARY TABLE due_batch ON COMMIT DROP AS
    WITH picked AS (
      SELECT "seq", "id", "borrowerId", "oldLimit", "newLimit" FROM "LimitChange"
      WHERE "status" = 'SCHEDULED' AND "effectiveDate" <= $1 ORDER BY "seq" LIMIT $2 FOR UPDATE SKIP LOCKED)
    SELECT DISTINCT ON ("borrowerId") * FROM picked ORDER BY "borrowerId", "seq"`, now, batchSize);
  await tx.$executeRawUnsafe(`ANALYZE due_batch`);
  const [{ n }] = await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM due_batch`;
  if (n === 0) return { changes: 0, applied: 0, superseded: 0 };
  await tx.$executeRaw`
    SELECT 1 FROM "BorrowerState" WHERE "borrowerId" = ANY(ARRAY(SELECT "borrowerId" FROM due_batch)) ORDER BY "borrowerId" FOR UPDATE`;
  const [range] = await tx.$queryRaw<Array<{ first: number; last: number; ids: string[] }>>`
    SELECT min("seq") AS first, max("seq") AS last, array_agg("id" ORDER BY "borrowerId") AS ids FROM due_batch`;
  const result = await setLimits(tx, `SELECT "borrowerId", "oldLimit" AS "from", "newLimit" AS "to", "id" AS "limitChangeId" FROM due_batch`, {
    cause: "DUE_CHANGE", ctx, entityType: "LimitChange", entityId: "due",
    meta: { asOf: now.toISOString(), dueChangeIds: range.ids, seqRange: [range.first, range.last] },
  });
  const staleBy = new Map(result.stale.map((s) => [s.borrowerId, s.currentLimit]));
  const [marked] = await tx.$queryRaw<Array<{ n: number }>>`
    WITH u AS (UPDATE "LimitChange" c SET "status" = 'APPLIED', "appliedAt" = ${now}
      FROM due_batch b WHERE c."seq" = b."seq" AND c."status" = 'SCHEDULED' AND NOT (b."borrowerId" = ANY(${[...staleBy.keys()]}::int[])) RETURNING 1)
    SELECT count(*)::int AS n FROM u`;
  if (marked.n !== result.applied) throw new Error(`due batch: ${result.applied} limits set but ${marked.n} changes marked applied`);
  // Stale changes (rare: the limit moved since the change was decided) never apply: superseded one
  // by one as before, each with its cancellation notice and events, in this same transaction.
  const stale = staleBy.size
    ? await tx.$queryRaw<LimitChange[]>`SELECT c.* FROM "LimitChange" c JOIN due_batch b ON b."seq" = c."seq" WHERE b."borrowerId" = ANY(${[...staleBy.keys()]}::int[]) ORDER BY c."borrowerId"`
    : [];
  for (const change of stale) {
    const current = staleBy.get(change.borrowerId);
    const why = current == null ? "the borrower had no current limit when it fell due" : `the limit was ${formatNtd(current)}, not ${formatNtd(change.oldLimit)}, when it fell due`;
    await supersedeChange(tx, change, why, ctx);
  }
  return { changes: n, applied: result.applied, superseded: stale.length };
}
