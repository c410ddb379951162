// Pure mapping of a stored Job row to the API answer (result only when succeeded, error when failed).
import type { JobResponse, JobStatus } from "./schema";

export type JobRow = {
  id: string;
  kind: string;
  status: JobStatus;
  done: number;
  total: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  result: unknown;
  error: string | null;
};

export function jobView(job: JobRow): JobResponse {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    done: job.done,
    total: job.total,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    ...(job.status === "succeeded" && job.result != null ? { result: job.result } : {}),
    ...(job.status === "failed" ? { error: job.error ?? "failed" } : {}),
  };
}

/** "<kind>:<key>" — the value of Job.activeKey while the job is queued or running. */
export const activeKeyOf = (kind: string, key: string) => `${kind}:${key}`;

/** Bounded, single-line error text for the Job row (a stack trace stays in the worker's log). */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split("\n")[0] || "failed").slice(0, 1_000);
}
