// kill -9 of a real worker process in the middle of a policy run and in the middle of a run
// approval; a new worker finishes the job: no half run, no item applied twice.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { getJob } from "@/features/jobs/data";
import { startPolicyRun } from "@/features/policy-runs/mutations";
import { decideRun } from "@/features/run-approvals/mutations";
import { PROPOSAL_LOCK } from "@/features/adjustments/mutations";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function spawnWorker(url: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join("tests", "db", "fixtures", "app-worker.ts")], {
    env: { ...process.env, DATABASE_URL: url, JOBS_SWEEP_MS: "500", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (d) => process.stderr.write(`[worker ${child.pid}] ${d}`));
  return child;
}
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));
const finished = (jobId: string) => until(`job ${jobId} to finish`, async () => {
  const job = await getJob(jobId);
  return job && (job.status === "succeeded" || job.status === "failed") && job;
});

describe(`policy run and run approval survive kill -9 on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    db = await openAppDb();
    process.env.DATABASE_URL = db.url;
    await migrateAndSeed({ limitRows: 6000, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  }, 120_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await Promise.all(children.map(exited));
    await closeQueue();
    await closeAppDb(db);
  });

  it("leaves no half run when the worker dies while computing, and computes it once after restart", async () => {
    const prisma = await getPrisma();
    // Hold the proposals lock so the compute job is caught inside its transaction when killed.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PROPOSAL_LOCK})`);
      locked();
      await held;
    }, { timeout: 120_000 });
    await isLocked;
    const { runId, jobId } = await startPolicyRun({ actor: u.analyst });
    const first = spawnWorker(db.url!);
    children.push(first);
    await until("the compute job to be running", async () => (await getJob(jobId!))?.status === "running");
    await sleep(300);
    first.kill("SIGKILL");
    await exited(first);
    release();
    await holder;
    expect(await prisma.policyRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "COMPUTING", proposals: 0 });
    expect(await prisma.adjustment.count({ where: { policyRunId: runId } })).toBe(0);

    const second = spawnWorker(db.url!);
    children.push(second);
    const job = await finished(jobId!);
    expect(job).toMatchObject({ status: "succeeded", attempts: 2 });
    const run = await prisma.policyRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("PENDING_APPROVAL");
    expect(run.proposals).toBeGreaterThan(1000);
    expect(await prisma.adjustment.count({ where: { policyRunId: runId } })).toBe(run.proposals);
    expect(await prisma.auditEvent.count({ where: { action: "policy.run", entityId: runId } })).toBe(1);
    second.kill("SIGKILL");
    await exited(second);
  }, 180_000);

  it("resumes an approval killed mid-apply and applies every item exactly once", async () => {
    const prisma = await getPrisma();
    const run = await prisma.policyRun.findFirstOrThrow({ where: { status: "PENDING_APPROVAL" } });
    const runItems = await prisma.adjustment.count({ where: { policyRunId: run.id, requiredApprovals: 1 } });
    const batchSize = 100;
    if (run.requiredApprovals === 2) await decideRun(run.id, "APPROVE", undefined, { actor: u.manager2 });
    const { jobId } = await decideRun(run.id, "APPROVE", undefined, { actor: u.manager }, { batchSize });
    expect(jobId).not.toBeNull();
    const first = spawnWorker(db.url!);
    children.push(first);
    const seen = await until("a few committed batches", async () => {
      const job = await getJob(jobId!);
      return job && job.done >= 3 * batchSize && job;
    });
    first.kill("SIGKILL");
    await exited(first);
    const killed = (await getJob(jobId!))!;
    expect(killed.status).toBe("running");
    expect(killed.done).toBeGreaterThanOrEqual(seen.done);
    expect(killed.done).toBeLessThan(runItems);
    expect((await prisma.policyRun.findUniqueOrThrow({ where: { id: run.id } })).applied).toBe(killed.done);

    const second = spawnWorker(db.url!);
    children.push(second);
    const job = await finished(jobId!);
    expect(job).toMatchObject({ status: "succeeded", done: runItems, total: runItems, attempts: 2 });
    expect(await prisma.policyRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "APPLIED", applied: runItems, stale: 0 });
    const [c] = await prisma.$queryRaw<Array<{ n: number; items: number }>>`
      SELECT count(*)::int AS n, count(DISTINCT c."adjustmentId")::int AS items FROM "LimitChange" c JOIN "Adjustment" a ON a."id" = c."adjustmentId" WHERE a."policyRunId" = ${run.id}`;
    expect(c).toEqual({ n: runItems, items: runItems });
    expect(await prisma.auditEvent.count({ where: { action: "limits.changed", entityId: run.id } })).toBe(Math.ceil(runItems / batchSize));
    second.kill("SIGKILL");
    await exited(second);
  }, 180_000);
});
