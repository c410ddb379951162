// `npm run worker`: one more job worker process against DATABASE_URL (PostgreSQL). Run as many as
// the machine allows; they share the queue. SIGINT/SIGTERM let running jobs finish for up to
// JOBS_STOP_GRACE_MS (10 s), then exit anyway: an interrupted job is re-queued by another worker's
// sweep (or this one's next start) and resumes from its recorded progress, as after a kill -9.
import { closeDb } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { startWorker } from "@/features/jobs/worker";

const worker = await startWorker();
console.log(`Job worker ${process.pid} running (concurrency ${process.env.JOBS_CONCURRENCY ?? 2}).`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), Number(process.env.JOBS_STOP_GRACE_MS ?? 10_000)).unref();
    await worker.stop().catch(() => undefined);
    await closeQueue().catch(() => undefined);
    await closeDb().catch(() => undefined);
    process.exit(0);
  });
}
