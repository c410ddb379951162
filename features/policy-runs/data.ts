import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { RunSummary } from "./summary-sql";

const SAMPLE = 20;
type ItemRow = { id: string; borrowerId: number; oldLimit: number; newLimit: number; delta: number; tierBefore: string | null; tierAfter: string | null; score: number | null; status: string };

/** GET /policy-runs/{id}: the run, its decisions, its summary, a sample of rows and the exceptions. */
export async function getPolicyRunView(runId: string) {
  const prisma = await getPrisma();
  const run = await prisma.policyRun.findUnique({ where: { id: runId }, include: { decisions: { orderBy: { createdAt: "asc" } } } });
  if (!run) return null;
  const select = { id: true, borrowerId: true, oldLimit: true, newLimit: true, delta: true, tierBefore: true, tierAfter: true, score: true, status: true } as const;
  // The largest changes first: what a checker most wants to see (index policyRunId, status, …).
  const sample: ItemRow[] = await prisma.$queryRaw`
    SELECT "id", "borrowerId", "oldLimit", "newLimit", "delta", "tierBefore"::text, "tierAfter"::text, "score", "status"::text FROM "Adjustment"
    WHERE "policyRunId" = ${runId} AND "requiredApprovals" = 1 ORDER BY abs("delta") DESC, "borrowerId" LIMIT ${SAMPLE}`;
  const individual = await prisma.adjustment.findMany({ where: { policyRunId: runId, requiredApprovals: { gt: 1 } }, select, orderBy: { borrowerId: "asc" }, take: SAMPLE });
  const staleIds = (run.staleIds as string[]).slice(0, SAMPLE);
  const stale = staleIds.length ? await prisma.adjustment.findMany({ where: { id: { in: staleIds } }, select, orderBy: { borrowerId: "asc" } }) : [];
  return {
    id: run.id, policyId: run.policyId, policyVersion: run.policyVersion, month: run.month, status: run.status,
    createdAt: run.createdAt.toISOString(), createdByEmail: run.createdByEmail, createdById: run.createdById,
    requiredApprovals: run.requiredApprovals, decidedAt: run.decidedAt?.toISOString() ?? null,
    decisions: run.decisions.map((d) => ({ deciderEmail: d.deciderEmail, decision: d.decision, comment: d.comment, at: d.createdAt.toISOString() })),
    computeJobId: run.computeJobId, decisionJobId: run.decisionJobId,
    summary: run.summary as unknown as RunSummary | null,
    progress: { applied: run.applied, stale: run.stale },
    sample,
    exceptions: { skippedPending: run.skippedPending, individual, stale },
  };
}
export type PolicyRunView = NonNullable<Awaited<ReturnType<typeof getPolicyRunView>>>;
