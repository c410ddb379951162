// Restart safety with real processes: a worker child process is killed with SIGKILL in the middle
// of a batched job; a new worker resumes it from its recorded progress. Every batch's effect must
// exist exactly once and the job must succeed.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { enqueueJob } from "@/features/jobs/mutations";
import { getJob } from "@/features/jobs/data";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const BATCHES = 20;
const ROWS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function spawnWorker(url: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join("tests", "db", "fixtures", "batch-worker.ts")], {
    env: { ...process.env, DATABASE_URL: url, JOBS_SWEEP_MS: "500", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (d) => process.stderr.write(`[worker ${child.pid}] ${d}`));
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));

describe(`job restart safety on ${backend} (kill -9)`, () => {
  let db: TestDb;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    db = await openAppDb();
    process.env.DATABASE_URL = db.url;
    await db.sql.exec(`CREATE TABLE test_batch_effect (job_id text NOT NULL, batch int NOT NULL, item int NOT NULL)`);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await Promise.all(children.map(exited));
    await closeQueue();
    await closeAppDb(db);
  });

  it("resumes a job killed mid-run and applies every batch exactly once", async () => {
    const { jobId } = await enqueueJob({ kind: "test.batches", key: "k1", payload: { batches: BATCHES, rowsPerBatch: ROWS, sleepMs: 120 }, actor: null, permission: "portfolio:read" });

    const first = spawnWorker(db.url!);
    children.push(first);
    const before = await until("a few committed batches", async () => {
      const job = await getJob(jobId);
      return job && job.done >= 4 && job;
    });
    first.kill("SIGKILL");
    await exited(first);
    expect(first.signalCode).toBe("SIGKILL");

    const killed = (await getJob(jobId))!;
    expect(killed.status).toBe("running");
    expect(killed.done).toBeGreaterThanOrEqual(before.done);
    expect(killed.done).toBeLessThan(BATCHES);

    const second = spawnWorker(db.url!);
    children.push(second);
    const finished = await until("the resumed job to finish", async () => {
      const job = await getJob(jobId);
      return job && (job.status === "succeeded" || job.status === "failed") && job;
    });
    expect(finished).toMatchObject({ status: "succeeded", done: BATCHES, total: BATCHES, attempts: 2, result: { batches: BATCHES } });

    const prisma = await getPrisma();
    const perBatch = await prisma.$queryRawUnsafe<{ batch: number; n: number; items: number }[]>(
      `SELECT batch, count(*)::int AS n, count(DISTINCT item)::int AS items FROM test_batch_effect WHERE job_id = $1 GROUP BY batch ORDER BY batch`, jobId,
    );
    expect(perBatch).toEqual(Array.from({ length: BATCHES }, (_, batch) => ({ batch, n: ROWS, items: ROWS })));
    second.kill("SIGTERM");
    await exited(second);
  });
});
