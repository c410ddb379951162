// Folds the appended "AdjustmentTotal" deltas into one row per key, in ONE statement: rows that
// exist when it starts are deleted and their sums inserted; a writer's delta committed meanwhile
// (or still uncommitted) is not in the DELETE's snapshot and stays as it is, so no total ever
// changes by compacting. Run hourly by job (features/jobs/compact-inbox-totals.ts).
import "server-only";
import { getPrisma } from "@/lib/db/client";

export async function compactInboxTotals(): Promise<{ before: number; after: number }> {
  const prisma = await getPrisma();
  const [r] = await prisma.$queryRaw<Array<{ before: number; after: number }>>`
    WITH gone AS (DELETE FROM "AdjustmentTotal" RETURNING *),
    kept AS (
      INSERT INTO "AdjustmentTotal" ("status", "policyRunId", "proposedByEmail", "tierMove", "direction", "count", "amount")
      SELECT "status", "policyRunId", "proposedByEmail", "tierMove", "direction", sum("count"), sum("amount") FROM gone
      GROUP BY 1, 2, 3, 4, 5 HAVING sum("count") <> 0 OR sum("amount") <> 0 RETURNING 1)
    SELECT (SELECT count(*)::int FROM gone) AS before, (SELECT count(*)::int FROM kept) AS after`;
  return r;
}
