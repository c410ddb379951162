// The queue's raw-driver side: graphile-worker (schema `graphile_worker`) on its own pg pool, and
// session advisory locks that tell a live job run from one whose process died. Generic: it knows
// nothing of Limit Desk's jobs (features/jobs builds on it).
//
// Why graphile-worker (0.16.6, the last line that runs on Node 20; pg-boss ≥ 11 needs Node 22):
// a job is added by the SQL function graphile_worker.add_job, so features/jobs inserts its Job row
// and the queue entry in ONE Prisma transaction (no "row without queue entry" gap); LISTEN/NOTIFY
// wakes a worker at once; its crontab is deduplicated across processes (one tick, one run).
import pg from "pg";
import { getDb } from "./client";
import { Logger, parseCronItems, run, runMigrations, type CronItem, type Runner, type TaskList } from "graphile-worker";

const holder = globalThis as typeof globalThis & { __limitDeskQueue?: { url: string; pool: pg.Pool; migrated?: Promise<void> } };

/**
 * The database URL the queue uses: the app database's real URL (`Database.url`, which lib/db/connect
 * gains with embedded PostgreSQL), else DATABASE_URL.
 */
export async function queueUrl(): Promise<string> {
  const db = (await getDb()) as { url?: string };
  const url = db.url ?? process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error("The job queue needs a PostgreSQL server (DATABASE_URL=postgresql://…).");
  return url;
}

async function queue() {
  const url = await queueUrl();
  if (holder.__limitDeskQueue?.url !== url) {
    const stale = holder.__limitDeskQueue;
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.JOBS_POOL_MAX ?? 6) });
    // An idle client's error (the server restarting, or terminating it) is pg's "error" event on
    // the pool: without a listener it is an uncaught exception that ends the process.
    pool.on("error", (err) => console.warn(`[jobs] idle queue connection lost: ${err.message}`));
    holder.__limitDeskQueue = { url, pool };
    if (stale && !stale.pool.ended) void stale.pool.end().catch(() => undefined);
  }
  return holder.__limitDeskQueue;
}

// Only warnings and errors: graphile-worker logs every job start and finish at "info".
const logger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});

/** Creates or upgrades the graphile_worker schema once per process (add_job needs it). */
export async function ensureQueueSchema(): Promise<void> {
  const q = await queue();
  q.migrated ??= runMigrations({ pgPool: q.pool, logger }).catch((err) => {
    q.migrated = undefined;
    throw err;
  });
  return q.migrated;
}

export type CronSpec = { task: string; match: string; identifier: string; payload?: Record<string, unknown> };

/** Starts the queue runner in this process; `stop()` finishes running tasks first. */
export async function runQueue(opts: { taskList: TaskList; crontab: CronSpec[]; concurrency: number }): Promise<Runner> {
  await ensureQueueSchema();
  const items: CronItem[] = opts.crontab.map((c) => ({ task: c.task, match: c.match, identifier: c.identifier, payload: c.payload, options: { backfillPeriod: 0 } }));
  return run({
    pgPool: (await queue()).pool,
    logger,
    concurrency: opts.concurrency,
    noHandleSignals: true,
    pollInterval: 2_000,
    taskList: opts.taskList,
    parsedCronItems: parseCronItems(items),
  });
}

// Session advisory locks live as long as the connection: a process killed with -9 loses its
// connection, and PostgreSQL releases the lock at once. Namespace keeps ours apart from others'.
const LOCK_NAMESPACE = 7_310_043;

/**
 * Runs `fn` while holding the session lock named `name` on a dedicated connection; returns
 * `{ ran: false }` without running it when another live session holds the lock.
 */
export async function withSessionLock<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = await (await queue()).pool.connect();
  let locked = false;
  try {
    const rows = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [LOCK_NAMESPACE, name]);
    locked = rows.rows[0].ok;
    if (!locked) return { ran: false };
    return { ran: true, value: await fn() };
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_NAMESPACE, name]).catch(() => undefined);
    client.release();
  }
}

/** True when no live session holds the lock `name` (its holder finished or died). */
export async function sessionLockIsFree(name: string): Promise<boolean> {
  const result = await withSessionLock(name, async () => true);
  return result.ran;
}

export async function closeQueue() {
  const q = holder.__limitDeskQueue;
  holder.__limitDeskQueue = undefined;
  if (q && !q.pool.ended) await q.pool.end();
}
