// Finished Job rows are pruned daily (features/jobs/mutations.ts JOB_RETENTION_DAYS): a 10 M-borrower
// portfolio runs a due-change job every minute, ~525 k rows a year otherwise. Idempotent, so a
// catch-up at start and a repeat after a restart only delete what is still past its retention.
import { pruneFinishedJobs } from "./mutations";
import { now } from "@/lib/clock";
import { registerJob, registerSchedule } from "./registry";

export const PRUNE_JOBS = "jobs.prune";

registerJob(PRUNE_JOBS, async ({ progress }) => {
  const pruned = await pruneFinishedJobs(now());
  await progress(pruned, pruned);
  return { pruned };
});

registerSchedule({ kind: PRUNE_JOBS, key: "daily", match: "17 3 * * *", permission: "users:manage", catchUpAtStart: true });
