// `npm run worker`: one more job worker process against DATABASE_URL (PostgreSQL). Run as many as
// the machine allows; they share the queue. SIGINT/SIGTERM finish the running jobs first; a kill -9
// is fine too (another worker's sweep re-queues its jobs, which resume from their recorded progress).
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
    await worker.stop();
    await closeQueue();
    await closeDb();
    process.exit(0);
  });
}
