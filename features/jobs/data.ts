import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { JobRow } from "./view";

export type StoredJob = JobRow & { permission: string; key: string; attempts: number; createdByEmail: string | null };

export async function getJob(id: string): Promise<StoredJob | null> {
  const prisma = await getPrisma();
  return prisma.job.findUnique({
    where: { id },
    select: { id: true, kind: true, key: true, status: true, done: true, total: true, createdAt: true, startedAt: true, finishedAt: true, result: true, error: true, permission: true, attempts: true, createdByEmail: true },
  });
}

/** Jobs a worker should make sure are queued: running ones (their worker may have died) and long-queued ones. */
export async function unfinishedJobIds(queuedBefore: Date): Promise<string[]> {
  const prisma = await getPrisma();
  const rows = await prisma.job.findMany({
    where: { OR: [{ status: "running" }, { status: "queued", updatedAt: { lt: queuedBefore } }] },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 1_000,
  });
  return rows.map((r) => r.id);
}
