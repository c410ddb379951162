// Writes to the Job table, the source of truth for a job's status and progress. The queue entry
// (graphile_worker.add_job) is added in the same transaction as the Job row.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Permission } from "@/features/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { ensureQueueSchema, sessionLockIsFree, withSessionLock } from "@/lib/db/queue";
import type { JobStatus } from "./schema";
import { activeKeyOf } from "./view";

// The worker runtime (worker.ts) reaches the queue's raw driver only through this file.
export { runQueue as runJobQueue, closeQueue as closeJobQueue } from "@/lib/db/queue";

/** Runs `fn` holding job `jobId`'s session lock; `{ ran: false }` when a live process holds it. */
export const withJobLock = <T>(jobId: string, fn: () => Promise<T>) => withSessionLock(`job:${jobId}`, fn);
/** True when no live process is running job `jobId` (it finished, or its process died). */
export const jobLockIsFree = (jobId: string) => sessionLockIsFree(`job:${jobId}`);

/** The graphile-worker task that runs one Job row; its payload is `{ jobId }`. */
export const RUN_TASK = "limitdesk.job";

export type EnqueueInput = {
  kind: string;
  key: string;
  payload?: unknown;
  actor: { id: string | null; email: string | null } | null;
  /** Who may read the job: the permission the starting action required. */
  permission: Permission;
  total?: number | null;
};

export type Enqueued = { jobId: string; status: JobStatus; created: boolean };

/** One job per (kind, key) at a time: a second enqueue answers with the queued or running one. */
export async function enqueueJob(input: EnqueueInput): Promise<Enqueued> {
  await ensureQueueSchema();
  const prisma = await getPrisma();
  const activeKey = activeKeyOf(input.kind, input.key);
  // Retried because the active job can finish between our insert and our look-up.
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await prisma.$transaction(async (tx): Promise<Enqueued | null> => {
      const id = randomUUID();
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Job" ("id", "kind", "key", "activeKey", "payload", "permission", "total", "createdById", "createdByEmail", "updatedAt")
        VALUES (${id}, ${input.kind}, ${input.key}, ${activeKey}, ${JSON.stringify(input.payload ?? {})}::jsonb, ${input.permission},
                ${input.total ?? null}::int, ${input.actor?.id ?? null}, ${input.actor?.email ?? null}, now())
        ON CONFLICT ("activeKey") DO NOTHING RETURNING "id"`;
      if (inserted.length === 1) {
        await addRunTask(tx, id);
        return { jobId: id, status: "queued", created: true };
      }
      const active = await tx.job.findUnique({ where: { activeKey }, select: { id: true, status: true } });
      return active && { jobId: active.id, status: active.status, created: false };
    });
    if (outcome) return outcome;
  }
  throw new Error(`Could not enqueue ${activeKey}: the active job kept changing.`);
}

// job_key "job:<id>" (replace mode): adding it again while a dead worker still holds the old entry
// creates a fresh entry; adding it while it waits just updates it. Duplicates are harmless anyway:
// the runner takes a per-job lock and skips finished jobs.
async function addRunTask(tx: Prisma.TransactionClient, jobId: string) {
  await tx.$queryRaw`SELECT (graphile_worker.add_job(${RUN_TASK}, json_build_object('jobId', ${jobId}::text), job_key := ${`job:${jobId}`})).id`;
}

/** Puts a job whose worker died back in the queue (see worker.ts, sweepOrphans). */
export async function requeueJob(jobId: string) {
  await ensureQueueSchema();
  const prisma = await getPrisma();
  await prisma.$transaction((tx) => addRunTask(tx, jobId));
}

export type StartedJob = { kind: string; payload: unknown; done: number; total: number | null; attempts: number };

/** queued/running → running, counting the attempt; null when the job already finished. */
export async function startJobRun(jobId: string): Promise<StartedJob | null> {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<StartedJob[]>`
    UPDATE "Job" SET "status" = 'running', "attempts" = "attempts" + 1, "startedAt" = coalesce("startedAt", now()), "updatedAt" = now()
    WHERE "id" = ${jobId} AND "status" IN ('queued', 'running')
    RETURNING "kind", "payload", "done", "total", "attempts"`;
  return rows[0] ?? null;
}

/** `total` undefined keeps the recorded total. Pass `tx` to commit progress with the work it counts. */
export async function recordProgress(jobId: string, done: number, total?: number | null, tx?: Prisma.TransactionClient) {
  const client = tx ?? (await getPrisma());
  const keepTotal = total === undefined;
  await client.$executeRaw`
    UPDATE "Job" SET "done" = ${Math.trunc(done)}::int,
      "total" = CASE WHEN ${keepTotal} THEN "total" ELSE ${total ?? null}::int END, "updatedAt" = now()
    WHERE "id" = ${jobId} AND "status" = 'running'`;
}

export async function finishJob(jobId: string, result: unknown) {
  const prisma = await getPrisma();
  await prisma.job.updateMany({
    where: { id: jobId, status: "running" },
    data: { status: "succeeded", activeKey: null, finishedAt: new Date(), result: (result ?? undefined) as Prisma.InputJsonValue | undefined },
  });
}

export async function failJob(jobId: string, error: string) {
  const prisma = await getPrisma();
  await prisma.job.updateMany({
    where: { id: jobId, status: { in: ["queued", "running"] } },
    data: { status: "failed", activeKey: null, finishedAt: new Date(), error },
  });
}

/** How long finished Job rows are kept: failures longer, they are what someone investigates. */
export const JOB_RETENTION_DAYS = { succeeded: 30, failed: 90 } as const;

/**
 * Deletes finished Job rows older than the retention (by finishedAt), `batchSize` rows per
 * statement so no transaction holds many row locks; queued and running jobs are never touched.
 * Returns how many rows went.
 */
export async function pruneFinishedJobs(now: Date, batchSize = 5_000): Promise<number> {
  const prisma = await getPrisma();
  const day = 86_400_000;
  const succeededBefore = new Date(now.getTime() - JOB_RETENTION_DAYS.succeeded * day);
  const failedBefore = new Date(now.getTime() - JOB_RETENTION_DAYS.failed * day);
  let pruned = 0;
  for (;;) {
    const n = await prisma.$executeRaw`
      DELETE FROM "Job" WHERE "id" IN (
        SELECT "id" FROM "Job"
        WHERE ("status" = 'succeeded' AND "finishedAt" < ${succeededBefore}) OR ("status" = 'failed' AND "finishedAt" < ${failedBefore})
        LIMIT ${batchSize})`;
    pruned += n;
    if (n < batchSize) return pruned;
  }
}
