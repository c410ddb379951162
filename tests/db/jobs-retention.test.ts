// Job row retention: the daily prune deletes finished Job rows past their retention (succeeded
// 30 days, failed 90 days, by finishedAt), in batches, and never a queued or running job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { JOB_RETENTION_DAYS, pruneFinishedJobs } from "@/features/jobs/mutations";
import { jobSchedules } from "@/features/jobs/registry";
import { PRUNE_JOBS } from "@/features/jobs/prune-jobs";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const NOW = new Date("2026-12-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe(`job row retention on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
  });
  afterAll(async () => closeAppDb(db));

  it("prunes only finished jobs older than their retention, in batches", async () => {
    const prisma = await getPrisma();
    const row = (id: string, status: "queued" | "running" | "succeeded" | "failed", finishedAt: Date | null, createdAt = daysAgo(400)) => ({
      id, kind: "test.retention", key: id, status, payload: {}, permission: "users:manage", finishedAt, createdAt,
      activeKey: status === "queued" || status === "running" ? `test.retention:${id}` : null,
    });
    const old = Array.from({ length: 7 }, (_, i) => row(`old-ok-${i}`, "succeeded", daysAgo(JOB_RETENTION_DAYS.succeeded + 1 + i)));
    await prisma.job.createMany({
      data: [
        ...old,
        row("recent-ok", "succeeded", daysAgo(JOB_RETENTION_DAYS.succeeded - 1)),
        row("old-failed", "failed", daysAgo(JOB_RETENTION_DAYS.failed + 1)),
        // Past the succeeded retention but within the failed one: kept.
        row("recent-failed", "failed", daysAgo(JOB_RETENTION_DAYS.succeeded + 5)),
        // Created long ago but never finished: never pruned.
        row("old-queued", "queued", null),
        row("old-running", "running", null),
      ],
    });
    expect(await pruneFinishedJobs(NOW, 3)).toBe(old.length + 1);
    const left = (await prisma.job.findMany({ where: { kind: "test.retention" }, select: { id: true }, orderBy: { id: "asc" } })).map((j) => j.id);
    expect(left).toEqual(["old-queued", "old-running", "recent-failed", "recent-ok"]);
    expect(await pruneFinishedJobs(NOW, 3)).toBe(0);
  });

  it("runs daily from the worker's schedule", () => {
    expect(jobSchedules().find((s) => s.kind === PRUNE_JOBS)).toMatchObject({ match: "17 3 * * *", catchUpAtStart: true });
  });
});
