// After the COPY load: the scorecard and default policy (when the database has none yet) and the
// marker that says this portfolio is SYNTHETIC — a hash-chained `seed.imported` audit event with
// `synthetic: true`, the seed and the id range — in one transaction.
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import { initBorrowerStates } from "@/features/borrowers/mutations";
import { buildMonthReportsInTx, streamBins, writeMonitoringReports } from "@/features/monitoring/mutations";
import type { ScoreModel } from "@/features/scoring/model-types";
import type { PolicyConfig } from "@/features/policy/schema";
import { SYNTHETIC_ID_BASE } from "./synthetic";

export type SyntheticMarker = { synthetic: true; borrowers: number; statements: number; scores: number; seed: number; idFrom: number; idTo: number; bootstrappedFrom: string; modelVersion: string };

export async function finishScalePortfolio(input: { model: ScoreModel; policy: PolicyConfig; marker: Omit<SyntheticMarker, "synthetic" | "idFrom" | "idTo" | "modelVersion"> }) {
  const prisma = await getPrisma();
  const { model, policy } = input;
  await prisma.$transaction(
    async (tx) => {
      if (!(await tx.scoreModel.findUnique({ where: { version: model.version } }))) {
        await tx.scoreModel.create({
          data: { version: model.version, model: model as unknown as Prisma.InputJsonValue, auc: model.holdout.auc, ks: model.holdout.ks, gini: model.holdout.gini, active: true },
        });
      }
      if ((await tx.policy.count()) === 0) {
        await tx.policy.create({
          data: { version: 1, status: "ACTIVE", name: "Default policy", config: policy as unknown as Prisma.InputJsonValue, authorEmail: "system (scale seed)", activatedAt: new Date() },
        });
      }
      const marker: SyntheticMarker = {
        synthetic: true, ...input.marker, idFrom: SYNTHETIC_ID_BASE + 1, idTo: SYNTHETIC_ID_BASE + input.marker.borrowers, modelVersion: model.version,
      };
      await recordAudit(tx, { actor: null, action: "seed.imported", entityType: "Portfolio", entityId: `synthetic:seed=${input.marker.seed}`, after: marker });

      // Every BorrowerState row, set-based from the history just loaded, in this transaction. Its
      // secondary indexes (15 at the time of writing) are dropped for the insert and rebuilt from
      // their own definitions (bulk builds; maintained row by row they dominated the 10 M load), and
      // the history's window sort gets memory instead of spilling 60 M statements to disk.
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '512MB'`);
      const indexes = await tx.$queryRaw<Array<{ indexname: string; indexdef: string }>>`
        SELECT i.indexname::text AS indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = 'BorrowerState'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))`;
      for (const i of indexes) await tx.$executeRawUnsafe(`DROP INDEX "${i.indexname}"`);
      await initBorrowerStates(tx);
      for (const i of indexes) await tx.$executeRawUnsafe(i.indexdef);
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  // The load analysed the COPY tables; BorrowerState was derived after it. Without statistics the
  // planner guesses ~0.2 % for `tier = 'HIGH'` (22 %) and sorts 100 k rows per keyset batch (1 s each).
  // VACUUM too: it sets the visibility map (index-only scans of the state, e.g. the tier export) and
  // the hint bits, which a server running with autovacuum off (the shared PostgreSQL 15) never does.
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE) "BorrowerState"`);

  // The monitoring reports a month-by-month import stores (each month against the earlier ones):
  // a later import takes the earlier months' bins from them instead of reading every history
  // again. All the months' bins in one pass; each month's reports then read the earlier months'
  // bins from the reports stored just before.
  await prisma.$transaction(
    async (tx) => {
      const months = (await tx.$queryRaw<Array<{ month: string }>>`SELECT DISTINCT "month" FROM "Score" ORDER BY 1`).map((r) => r.month);
      const bins = await streamBins(tx, model, months);
      for (const month of months) await writeMonitoringReports(tx, await buildMonthReportsInTx(tx, model, month, bins.get(month)));
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
}
