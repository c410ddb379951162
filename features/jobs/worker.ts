// The worker runtime: runs queued jobs in this process. `npm start` starts one inside the server
// process; `npm run worker` (scripts/worker.ts) starts more. Any number may run at once.
import { unfinishedJobIds } from "./data";
import { enqueueJob, failJob, finishJob, jobLockIsFree, recordProgress, requeueJob, RUN_TASK, runJobQueue, startJobRun, withJobLock } from "./mutations";
import { jobHandler, jobSchedules } from "./registry";
import { errorText } from "./view";
import "./kinds";

const SCHEDULE_TASK = "limitdesk.schedule";

/**
 * Runs one job. The session lock (held on its own connection for the whole run) is what makes a
 * second delivery harmless while the first is alive, and what a sweep uses to see a dead worker:
 * PostgreSQL drops the lock the moment the killed process's connection goes.
 */
export async function runJob(jobId: string): Promise<void> {
  await withJobLock(jobId, async () => {
    const job = await startJobRun(jobId);
    if (!job) return; // finished already (a duplicate delivery)
    const handler = jobHandler(job.kind);
    if (!handler) return failJob(jobId, `No handler is registered for job kind "${job.kind}".`);
    try {
      const result = await handler({
        jobId,
        payload: job.payload,
        done: job.done,
        total: job.total,
        attempt: job.attempts,
        progress: (done, total, tx) => recordProgress(jobId, done, total, tx),
      });
      await finishJob(jobId, result);
    } catch (err) {
      console.error(`[jobs] ${job.kind} ${jobId} failed:`, err);
      await failJob(jobId, errorText(err));
    }
  });
  // Not run: another live process holds the lock and is running this job right now.
}

/** Re-queues jobs left running by a dead process (and queued ones that waited too long). */
export async function sweepOrphans(now = new Date()): Promise<string[]> {
  const requeued: string[] = [];
  for (const id of await unfinishedJobIds(new Date(now.getTime() - 60_000))) {
    if (await jobLockIsFree(id)) {
      await requeueJob(id);
      requeued.push(id);
    }
  }
  return requeued;
}

async function enqueueScheduled(kind: string) {
  const schedule = jobSchedules().find((s) => s.kind === kind);
  if (!schedule) return;
  await enqueueJob({ kind: schedule.kind, key: schedule.key, actor: null, permission: schedule.permission });
}

export type WorkerHandle = { stop(): Promise<void> };

export async function startWorker(opts: { concurrency?: number; sweepMs?: number } = {}): Promise<WorkerHandle> {
  const concurrency = opts.concurrency ?? Number(process.env.JOBS_CONCURRENCY ?? 2);
  const sweepMs = opts.sweepMs ?? Number(process.env.JOBS_SWEEP_MS ?? 15_000);
  const schedules = jobSchedules();
  const runner = await runJobQueue({
    concurrency,
    taskList: {
      [RUN_TASK]: async (payload) => runJob((payload as { jobId: string }).jobId),
      [SCHEDULE_TASK]: async (payload) => enqueueScheduled((payload as { kind: string }).kind),
    },
    crontab: schedules.map((s) => ({ task: SCHEDULE_TASK, match: s.match, identifier: s.kind, payload: { kind: s.kind } })),
  });
  // Catch up at start: a schedule missed while no worker ran is due now.
  for (const s of schedules.filter((x) => x.catchUpAtStart)) await enqueueScheduled(s.kind);
  const sweep = () => sweepOrphans().catch((err) => console.error("[jobs] sweep failed:", err));
  await sweep();
  const timer = setInterval(sweep, sweepMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await runner.stop();
    },
  };
}
