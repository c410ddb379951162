// Which code runs for which job kind, and which kinds run on a schedule. Every process that runs a
// worker registers the same kinds (features/jobs/kinds.ts), so any worker can run any job.
import type { Prisma } from "@/generated/prisma/client";
import type { Permission } from "@/features/auth/permissions";

/**
 * What a handler gets. THE CONTRACT (restart safety): a worker can be killed at any instant and the
 * job is then run again from the start of the handler, by this or another process. So a handler
 * must commit its work in transactions that ALSO record how far it got — `progress(done, total, tx)`
 * inside the same transaction — and on entry resume from `done` (or from what its own data says is
 * left). Then a re-run after kill -9 either finds the work done or continues it, never repeats it.
 * Work that cannot be split that way must be idempotent (e.g. conditional updates).
 */
export type JobContext<P> = {
  jobId: string;
  payload: P;
  /** Progress recorded by earlier attempts: where a restarted handler resumes. */
  done: number;
  total: number | null;
  /** 1 on the first run, 2+ after a restart. */
  attempt: number;
  /** Records progress; pass the transaction that did the work so both commit together. */
  progress(done: number, total?: number | null, tx?: Prisma.TransactionClient): Promise<void>;
};

/** Returns the job's result (stored as JSON on success); throwing marks the job failed with the message. */
export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<unknown>;

export type JobSchedule = {
  kind: string;
  key: string;
  /** Cron pattern (minute hour day month weekday), UTC. */
  match: string;
  permission: Permission;
  /** Also enqueue once when a worker starts: catches up on ticks missed while nothing ran. */
  catchUpAtStart: boolean;
};

const registry = globalThis as typeof globalThis & {
  __limitDeskJobHandlers?: Map<string, JobHandler<never>>;
  __limitDeskJobSchedules?: Map<string, JobSchedule>;
};
const handlers = (registry.__limitDeskJobHandlers ??= new Map());
const schedules = (registry.__limitDeskJobSchedules ??= new Map());

export function registerJob<P>(kind: string, handler: JobHandler<P>) {
  handlers.set(kind, handler as JobHandler<never>);
}

export function jobHandler(kind: string): JobHandler<unknown> | undefined {
  return handlers.get(kind) as JobHandler<unknown> | undefined;
}

export function registerSchedule(schedule: JobSchedule) {
  schedules.set(schedule.kind, schedule);
}

export function jobSchedules(): JobSchedule[] {
  return [...schedules.values()];
}
