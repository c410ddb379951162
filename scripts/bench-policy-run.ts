// `DATABASE_URL=postgresql://…/scale_db npm run bench:policy-run`: times a policy run (the compute
// job's work: set-based INSERT … SELECT) and its run approval (the apply job, batches of
// LIMITDESK_RUN_BATCH, default 50,000) on the database's portfolio, with the audit cost per batch.
// It WRITES (a run, its approval, limit changes): use a scratch database, e.g. a scale:seed one.
import { loadavg } from "node:os";
import { getPrisma, closeDb } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { runActivePolicy } from "@/features/policy-runs/mutations";
import { decideRun } from "@/features/run-approvals/mutations";
import { runJob } from "@/features/jobs/worker";
import { getJob } from "@/features/jobs/data";

const prisma = await getPrisma();
const users = await prisma.user.findMany();
const by = (email: string) => {
  const u = users.find((x) => x.email === email);
  if (!u) throw new Error(`no user ${email}: run the seed (or scale:seed) first`);
  return { id: u.id, email: u.email };
};
const borrowers = await prisma.borrowerState.count();
const t0 = performance.now();
const run = await runActivePolicy({ actor: by("analyst@example.com") });
const runMs = performance.now() - t0;
if (run.alreadyRan) throw new Error("this database already has a run of the active policy for its month: use a fresh one");
console.log(`${borrowers.toLocaleString("en-US")} borrowers: policy run ${run.created.toLocaleString("en-US")} proposals (${run.skippedPending} skipped) in ${(runMs / 1000).toFixed(1)} s, load ${loadavg()[0].toFixed(2)}`);

await decideRun(run.run.id, "APPROVE", undefined, { actor: by("manager@example.com") });
const decided = run.run.requiredApprovals > 1 ? await decideRun(run.run.id, "APPROVE", undefined, { actor: by("manager2@example.com") }) : null;
const jobId = decided?.jobId ?? (await prisma.policyRun.findUniqueOrThrow({ where: { id: run.run.id } })).decisionJobId!;
const events0 = await prisma.auditEvent.count();
const t1 = performance.now();
await runJob(jobId);
const applyMs = performance.now() - t1;
const job = await getJob(jobId);
const after = await prisma.policyRun.findUniqueOrThrow({ where: { id: run.run.id } });
const events = (await prisma.auditEvent.count()) - events0;
const [{ bytes }] = await prisma.$queryRaw<Array<{ bytes: bigint }>>`
  SELECT coalesce(sum(length("after"::text)), 0)::bigint AS bytes FROM "AuditEvent" WHERE "action" = 'limits.changed' AND "entityId" = ${run.run.id}`;
console.log(`run approval: ${after.applied.toLocaleString("en-US")} items applied, ${after.stale} stale, in ${(applyMs / 1000).toFixed(1)} s (${job?.status}); ` +
  `${events} audit events (${(Number(bytes) / 1024 / 1024).toFixed(1)} MB of batch payload), load ${loadavg()[0].toFixed(2)}`);
await closeQueue();
await closeDb();
