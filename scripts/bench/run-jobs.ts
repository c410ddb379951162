// bench:app's job timings over HTTP: a run approval (every approver the run needs, then the apply
// job polled until done) and the due-change job (N scheduled changes made due, the job enqueued as
// its schedule does, timed until every one of them has been applied).
import { getDb } from "@/lib/db/client";
import { enqueueJob } from "@/features/jobs/mutations";
import { DUE_LIMIT_CHANGES } from "@/features/jobs/due-limit-changes";
import type { Client, Timing } from "./app-http";

type Job = { status: string; done: number; total: number | null } | null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pollJob(client: Client, jobId: string): Promise<Job> {
  for (;;) {
    const job = (await client.call(`/api/v1/jobs/${jobId}`)).json as Job;
    if (!job || job.status === "succeeded" || job.status === "failed") return job;
    await sleep(250);
  }
}

const timing = (ms: number, status: number): Timing => ({ p50: ms, p95: ms, runs: 1, status, bytes: 0 });
const rate = (n: number, ms: number) => `${n.toLocaleString("en-US")} items, ${Math.round(n / (ms / 1000)).toLocaleString("en-US")} items/s`;

/** Approves run `runId` as each approver in turn until one answers with the apply job; timed until that job is done. */
export async function timeRunApproval(approvers: Client[], runId: string): Promise<{ timing: Timing | null; note?: string }> {
  const t = performance.now();
  for (const client of approvers) {
    const res = await client.call(`/api/v1/policy-runs/${runId}/approve`, { method: "POST", body: {} });
    const jobId = (res.json as { jobId?: string | null } | null)?.jobId;
    if (res.status !== 202) return { timing: null, note: `HTTP ${res.status}` };
    if (!jobId) continue; // a second approval is needed
    const job = await pollJob(client, jobId);
    const ms = performance.now() - t;
    return { timing: timing(ms, res.status), note: `${job?.status}: ${rate(job?.done ?? 0, ms)}` };
  }
  return { timing: null, note: "n/a (not enough approvers)" };
}

/** Makes `n` borrowers' scheduled cuts due now (no pending or scheduled change of theirs) and times the due-change job applying them. */
export async function timeDueChanges(n: number): Promise<{ timing: Timing | null; note?: string }> {
  const db = await getDb();
  // After a run approval the statistics still say LimitChange is nearly empty (autovacuum is off on
  // the shared PostgreSQL 15); planned on them, this setup query loops over every SCHEDULED cut per
  // borrower (minutes at 1 M).
  await db.sql.exec(`ANALYZE "LimitChange"`);
  const ids = await db.sql.query<{ id: string }>(`
    INSERT INTO "LimitChange" ("id", "borrowerId", "oldLimit", "newLimit", "approvers", "effectiveDate", "status")
    SELECT gen_random_uuid()::text, s."borrowerId", s."limit", s."limit" - 1000, '["bench@example.com"]', now() - interval '1 minute', 'SCHEDULED'
    FROM "BorrowerState" s
    WHERE s."limit" > 20000 AND NOT EXISTS (SELECT 1 FROM "LimitChange" c WHERE c."borrowerId" = s."borrowerId" AND c."status" = 'SCHEDULED')
      AND NOT EXISTS (SELECT 1 FROM "Adjustment" a WHERE a."pendingBorrowerId" = s."borrowerId")
    ORDER BY s."borrowerId" DESC LIMIT ${n} RETURNING "id"`);
  const t = performance.now();
  // As the every-minute schedule does; when a tick's job is already running, the next run picks up the rest.
  await enqueueJob({ kind: DUE_LIMIT_CHANGES, key: "due", actor: null, permission: "limitchanges:read" });
  for (;;) {
    const [{ left }] = await db.sql.query<{ left: number }>(`SELECT count(*)::int AS left FROM "LimitChange" WHERE "id" = ANY($1::text[]) AND "status" = 'SCHEDULED'`, [ids.map((r) => r.id)]);
    if (left === 0) break;
    if (performance.now() - t > 600_000) return { timing: null, note: `${left} of ${ids.length} still scheduled after 600 s` };
    await sleep(250);
    await enqueueJob({ kind: DUE_LIMIT_CHANGES, key: "due", actor: null, permission: "limitchanges:read" });
  }
  const ms = performance.now() - t;
  return { timing: timing(ms, 202), note: rate(ids.length, ms) };
}
