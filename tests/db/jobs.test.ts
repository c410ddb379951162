// The job queue on a real PostgreSQL server: enqueue/dedupe per (kind, key), progress, failure,
// permission on read, and the due-limit-change job (scheduled kind with a catch-up at start).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { ApiError } from "@/lib/api/errors";
import { enqueueJob } from "@/features/jobs/mutations";
import { getJob } from "@/features/jobs/data";
import { registerJob } from "@/features/jobs/registry";
import { assertCanReadJob } from "@/features/jobs/access";
import { jobView } from "@/features/jobs/view";
import { startWorker, type WorkerHandle } from "@/features/jobs/worker";
import { DUE_LIMIT_CHANGES } from "@/features/jobs/due-limit-changes";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const actor = { id: "u-analyst", email: "analyst@example.com" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFinished(jobId: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(jobId);
    if (job && (job.status === "succeeded" || job.status === "failed")) return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job?.status} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

// A gate the test opens, so a job is provably queued or running while the test looks at it.
let release: () => void = () => undefined;
const gate = new Promise<void>((r) => (release = r));
registerJob<{ n: number }>("test.count", async ({ payload, progress }) => {
  await gate;
  for (let i = 1; i <= payload.n; i++) await progress(i, payload.n);
  return { counted: payload.n };
});
registerJob("test.fail", async ({ progress }) => {
  await progress(3, 10);
  throw new Error("boom at 3\nsecond line of detail");
});

describe(`job queue on ${backend}`, () => {
  let db: TestDb;
  let worker: WorkerHandle | undefined;
  let borrowerId: number;
  beforeAll(async () => {
    db = await openAppDb();
    process.env.DATABASE_URL = db.url;
    await migrateAndSeed({ limitRows: 50, log: () => undefined });
    // A decrease whose effective date has passed: the worker's catch-up at start must apply it.
    const prisma = await getPrisma();
    const b = await prisma.borrowerState.findFirstOrThrow({ orderBy: { borrowerId: "asc" } });
    borrowerId = b.borrowerId;
    await prisma.limitChange.create({
      data: { borrowerId, oldLimit: b.limit, newLimit: b.limit - 10_000, approvers: ["manager@example.com"], effectiveDate: new Date(Date.now() - 86_400_000), status: "SCHEDULED" },
    });
  });
  afterAll(async () => {
    release();
    await worker?.stop();
    await closeQueue();
    await closeAppDb(db);
  });

  it("answers a second enqueue of the same (kind, key) with the active job", async () => {
    const first = await enqueueJob({ kind: "test.count", key: "a", payload: { n: 5 }, actor, permission: "adjustment:propose" });
    const again = await enqueueJob({ kind: "test.count", key: "a", payload: { n: 99 }, actor, permission: "adjustment:propose" });
    const other = await enqueueJob({ kind: "test.count", key: "b", payload: { n: 2 }, actor, permission: "adjustment:propose" });
    expect(first).toEqual({ jobId: first.jobId, status: "queued", created: true });
    expect(again).toEqual({ jobId: first.jobId, status: "queued", created: false });
    expect(other.jobId).not.toBe(first.jobId);
    expect(other.created).toBe(true);

    worker = await startWorker({ concurrency: 2, sweepMs: 60_000 });
    const running = await (async () => {
      for (;;) {
        const j = await getJob(first.jobId);
        if (j?.status === "running") return j;
        await sleep(50);
      }
    })();
    expect(running.startedAt).toBeInstanceOf(Date);
    expect(await enqueueJob({ kind: "test.count", key: "a", actor, permission: "adjustment:propose" })).toEqual({ jobId: first.jobId, status: "running", created: false });
    release();

    const done = await waitFinished(first.jobId);
    expect(jobView(done)).toMatchObject({ id: first.jobId, kind: "test.count", status: "succeeded", done: 5, total: 5, result: { counted: 5 } });
    expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());
    expect(done.attempts).toBe(1);
    expect((await waitFinished(other.jobId)).result).toEqual({ counted: 2 });

    const next = await enqueueJob({ kind: "test.count", key: "a", payload: { n: 1 }, actor, permission: "adjustment:propose" });
    expect(next.created).toBe(true);
    expect(next.jobId).not.toBe(first.jobId);
    expect((await waitFinished(next.jobId)).status).toBe("succeeded");
  });

  it("records a failure with its error message and frees the (kind, key)", async () => {
    const { jobId } = await enqueueJob({ kind: "test.fail", key: "x", actor, permission: "portfolio:read" });
    const failed = await waitFinished(jobId);
    expect(jobView(failed)).toMatchObject({ status: "failed", done: 3, total: 10, error: "boom at 3" });
    expect(jobView(failed)).not.toHaveProperty("result");
    const again = await enqueueJob({ kind: "test.fail", key: "x", actor, permission: "portfolio:read" });
    expect(again.created).toBe(true);
  });

  it("fails a job whose kind no worker knows, with a message that says so", async () => {
    const { jobId } = await enqueueJob({ kind: "test.unknown", key: "1", actor, permission: "portfolio:read" });
    expect((await waitFinished(jobId)).error).toBe('No handler is registered for job kind "test.unknown".');
  });

  it("lets only callers with the starting action's permission read the job", async () => {
    const { jobId } = await enqueueJob({ kind: "test.count", key: "perm", payload: { n: 1 }, actor, permission: "adjustment:decide" });
    const job = await getJob(jobId);
    expect(assertCanReadJob(job, { role: "MANAGER" }).id).toBe(jobId);
    expect(assertCanReadJob(job, { role: "ADMIN" }).id).toBe(jobId);
    for (const caller of [{ role: "ANALYST" }, { role: "AUDITOR" }, { role: "SERVICE", scope: "limit-changes:read" }]) {
      const err = (() => { try { assertCanReadJob(job, caller); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(403);
    }
    const missing = (() => { try { assertCanReadJob(null, { role: "ADMIN" }); } catch (e) { return e; } })() as ApiError;
    expect(missing.status).toBe(404);
    await waitFinished(jobId);
  });

  it("applies due limit changes by job: the catch-up at worker start did it, once", async () => {
    const prisma = await getPrisma();
    const due = await prisma.job.findFirstOrThrow({ where: { kind: DUE_LIMIT_CHANGES }, orderBy: { createdAt: "asc" } });
    const finished = await waitFinished(due.id);
    expect(finished).toMatchObject({ status: "succeeded", permission: "limitchanges:read", result: { applied: 1 }, done: 1, total: 1 });
    const change = await prisma.limitChange.findFirstOrThrow({ where: { borrowerId } });
    expect(change.status).toBe("APPLIED");
    const borrower = await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId } });
    expect(borrower.limit).toBe(change.newLimit);
    // One batch, one event: every borrower, change id and the totals (issue 8 §2), no per-borrower event.
    expect(await prisma.auditEvent.count({ where: { action: "limit.changed" } })).toBe(0);
    const events = await prisma.auditEvent.findMany({ where: { action: "limits.changed", entityType: "LimitChange", entityId: "due" } });
    expect(events.map((e) => [e.actorEmail, e.before, e.after])).toEqual([[null, null, {
      cause: "DUE_CHANGE", portfolioVersion: Number(borrower.version), count: 1,
      exposureChange: -10_000, increase: 0, decrease: 10_000, borrowerIds: [borrowerId], limitChangeIds: [change.id], stale: [],
      asOf: (finished.result as { asOf: string }).asOf, dueChangeIds: [change.id], seqRange: [change.seq, change.seq],
    }]]);

    const { jobId } = await enqueueJob({ kind: DUE_LIMIT_CHANGES, key: "due", actor: null, permission: "limitchanges:read" });
    expect((await waitFinished(jobId)).result).toMatchObject({ applied: 0 });
  });
});
