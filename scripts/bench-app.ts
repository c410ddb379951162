// `npm run bench:app [-- --10m] [--sizes 30k,1m] [--no-policy-run] [--no-run-approval]`: the whole app over real HTTP
// (next start from the existing build + one worker, as `npm start` runs them) against the real
// 30 k portfolio and the SYNTHETIC 1 M (and 10 M) scale portfolios, each in its own PostgreSQL
// database (BENCH_APP_30K_URL, BENCH_APP_1M_URL, BENCH_APP_10M_URL; an empty 30 k database is
// seeded from the real data, an empty scale database is loaded with `npm run scale:seed`).
// The policy run is timed until its compute job is done, the run approval from the approvals to the
// apply job done, the due-change job over BENCH_APP_DUE_CHANGES (2,000) changes made due (items/s).
// Prints p50/p95 per call, the growth factor (1 M time / 30 k time) / 33 and the server's peak RSS;
// writes bench-results/bench-app-<time>.json. The limit changes it makes stay in those bench databases.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/lib/db/client";
import { encodeCursor } from "@/lib/cursor";
import { migrateAndSeed } from "./seed-lib";
import { setLimit } from "@/features/limit-changes/mutations";
import { Client, type Timing } from "./bench/app-http";
import { rssSampler, startApp } from "./bench/app-server";
import { formatTable } from "./bench/timing";
import { timeDueChanges, timeRunApproval } from "./bench/run-jobs";

const { values } = parseArgs({ options: { "10m": { type: "boolean" }, sizes: { type: "string" }, "no-policy-run": { type: "boolean" }, "no-run-approval": { type: "boolean" } } });
const PG = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const withDb = (name: string) => Object.assign(new URL(PG), { pathname: `/${name}` }).toString();
const SIZES = [
  { key: "30k", borrowers: 30_000, url: process.env.BENCH_APP_30K_URL ?? withDb("limitdesk_bench_app_30k") },
  { key: "1m", borrowers: 1_000_000, url: process.env.BENCH_APP_1M_URL ?? withDb("limitdesk_bench_app_1m") },
  { key: "10m", borrowers: 10_000_000, url: process.env.BENCH_APP_10M_URL ?? withDb("limitdesk_bench_app_10m") },
].filter((s) => (values.sizes ? values.sizes.split(",").includes(s.key) : s.key !== "10m" || values["10m"]));
const PORT = Number(process.env.BENCH_APP_PORT ?? 3370);
const DUE_CHANGES = Number(process.env.BENCH_APP_DUE_CHANGES ?? 2_000);
const PASSWORD = process.env.DEMO_PASSWORD ?? "limitdesk-demo";
const log = (line: string) => console.log(line);

type Row = { call: string; timing: Timing | null; note?: string };
type Actions = Record<string, { changePct: number }>;

/** The database exists, is migrated and holds its portfolio (seeding it if empty). */
async function prepare(size: (typeof SIZES)[number]) {
  const admin = new URL(size.url);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  spawnSync("psql", [admin.toString(), "-qc", `CREATE DATABASE "${name}"`], { stdio: "ignore" });
  process.env.DATABASE_URL = size.url;
  const db = await getDb();
  const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Borrower'`);
  const borrowers = n ? (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Borrower"`))[0].n : 0;
  await closeDb();
  if (borrowers === 0 && size.key !== "30k") {
    log(`${size.key}: loading the synthetic scale portfolio (npm run scale:seed)…`);
    const r = spawnSync("npm", ["run", "scale:seed", "--", "--borrowers", String(size.borrowers)], { stdio: "inherit", env: { ...process.env, DATABASE_URL: size.url } });
    if (r.status !== 0) throw new Error("scale:seed failed");
  }
  await migrateAndSeed({ log: () => undefined }); // migrations (and the real seed when empty), as npm start does
  await forgetEarlierBenchRuns();
  // The first cold preview then times the full load (and stores the snapshot the restarted app reads).
  await (await getDb()).sql.query(`DELETE FROM "PreviewColumnsSnapshot"`);
  // Fresh statistics, as autovacuum keeps them (the shared PostgreSQL 15 here runs with autovacuum off).
  await (await getDb()).sql.exec("ANALYZE");
  await closeDb();
}

/**
 * A second policy run of the same version and month creates nothing, so the pending proposals and
 * the runs an earlier bench:app left in this BENCH database are removed first (nothing was decided).
 */
async function forgetEarlierBenchRuns() {
  const db = await getDb();
  await db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`DELETE FROM "Adjustment" WHERE "status" = 'PENDING' AND "policyRunId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "AdjustmentDecision" d WHERE d."adjustmentId" = "Adjustment"."id")`);
    await tx.$executeRawUnsafe(`DELETE FROM "PolicyRun" r WHERE NOT EXISTS (SELECT 1 FROM "Adjustment" a WHERE a."policyRunId" = r."id")`);
  }, { timeout: 600_000 });
}

/** The first cold preview's background save of the columns has committed. */
async function waitForSnapshot() {
  const db = await getDb();
  for (let k = 0; k < 1200; k++) {
    if ((await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "PreviewColumnsSnapshot"`))[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("No preview snapshot was stored within 5 minutes of the first cold preview.");
}

async function stopApp(app: Awaited<ReturnType<typeof startApp>>, rss: ReturnType<typeof rssSampler>) {
  await app.stop();
  return rss.stop();
}

/** Limit changes through the one write path, as approvals make them; the next preview must see them. */
async function changeLimits(count: number) {
  const db = await getDb();
  const rows = await db.sql.query<{ borrowerId: number; limit: number }>(`SELECT "borrowerId", "limit" FROM "BorrowerState" ORDER BY random() LIMIT ${count}`);
  for (let i = 0; i < rows.length; i += 100) {
    await db.prisma.$transaction(async (tx) => {
      for (const r of rows.slice(i, i + 100)) await setLimit(tx, { borrowerId: r.borrowerId, from: r.limit, to: r.limit + 10_000, cause: "APPROVAL", limitChangeId: null, ctx: { actor: null } });
    }, { timeout: 120_000 });
  }
}

/** A cursor halfway down the score-sorted list (what following nextCursor for half the list reaches). */
async function deepCursor() {
  const db = await getDb();
  const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "BorrowerState"`);
  const [row] = await db.sql.query<{ score: number; borrowerId: number }>(`SELECT "score", "borrowerId" FROM "BorrowerState" ORDER BY "score", "borrowerId" OFFSET ${Math.floor(n / 2)} LIMIT 1`);
  return encodeCursor({ s: "score", o: "asc", m: null, v: row.score, id: row.borrowerId });
}

async function pollJob(client: Client, jobId: string) {
  for (;;) {
    const job = (await client.call(`/api/v1/jobs/${jobId}`)).json as { status: string } | null;
    if (!job || job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One timed call whose answer may be a 202 + job: timed until the job has finished. */
async function timeAction(client: Client, p: string, body: unknown): Promise<{ timing: Timing | null; json: Record<string, unknown> | null; note?: string }> {
  const t = performance.now();
  let res: Awaited<ReturnType<Client["call"]>>;
  try {
    res = await client.call(p, { method: "POST", body });
  } catch (err) {
    // Node's fetch gives up when no response headers arrive within 300 s.
    const s = ((performance.now() - t) / 1000).toFixed(0);
    return { timing: null, json: null, note: `no answer after ${s} s (${err instanceof Error ? (err.cause as Error | undefined)?.message ?? err.message : err}): > ${s} s` };
  }
  if (res.status === 404 || res.status === 405) return { timing: null, json: null, note: "n/a (no such endpoint on this build)" };
  let json = res.json as Record<string, unknown> | null;
  if (res.status === 202 && typeof json?.jobId === "string") json = { ...json, job: await pollJob(client, json.jobId) };
  const ms = performance.now() - t;
  return { timing: { p50: ms, p95: ms, runs: 1, status: res.status, bytes: res.bytes }, json };
}

async function benchSize(size: (typeof SIZES)[number]) {
  await prepare(size);
  process.env.DATABASE_URL = size.url;
  let app = await startApp(size.url, PORT);
  let rss = rssSampler(app.server.pid!);
  rss.start(); // stopped (peak read) only after the app has stopped: the last sample is the peak
  let peakRss = 0;
  const rows: Row[] = [];
  const add = (call: string, timing: Timing | null, note?: string) => {
    rows.push({ call, timing, note });
    log(`  ${size.key} ${call}: ${timing ? `p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms (HTTP ${timing.status})` : note}`);
  };
  try {
    let analyst = new Client(app.baseUrl);
    await analyst.login("analyst@example.com", PASSWORD);
    let admin = new Client(app.baseUrl);
    await admin.login("admin@example.com", PASSWORD);
    const policies = (await analyst.call("/api/v1/policies")).json as { items: Array<{ id: string; status: string; config: { cutoffs: { low: number; medium: number }; actions: Actions } }> };
    const active = policies.items.find((p) => p.status === "ACTIVE")!;
    const draft = { policy: { ...active.config, cutoffs: { low: active.config.cutoffs.low + 10, medium: active.config.cutoffs.medium + 10 } } };

    add("preview cold (full load: no stored snapshot)", await analyst.time("/api/v1/policies/preview", { method: "POST", body: draft, runs: 1, warmups: 0 }));
    // A new app process finds the snapshot of the columns the first one stored after its full load.
    await waitForSnapshot();
    peakRss = Math.max(peakRss, await stopApp(app, rss));
    app = await startApp(size.url, PORT);
    rss = rssSampler(app.server.pid!);
    rss.start();
    [analyst, admin] = [new Client(app.baseUrl), new Client(app.baseUrl)];
    await analyst.login("analyst@example.com", PASSWORD);
    await admin.login("admin@example.com", PASSWORD);
    add("preview cold, new process (stored snapshot)", await analyst.time("/api/v1/policies/preview", { method: "POST", body: draft, runs: 1, warmups: 0 }));
    add("preview warm (same draft)", await analyst.time("/api/v1/policies/preview", { method: "POST", body: draft }));
    // The preview caches each block's pass for the last few drafts: a new draft recomputes the blocks
    // it touches. A cut-off moved by one point touches a few blocks; new change % for every tier, all.
    const cutoffAt = (k: number) => ({ policy: { ...draft.policy, cutoffs: { ...draft.policy.cutoffs, low: draft.policy.cutoffs.low + 1 + k } } });
    add("preview warm (LOW cut-off +1 each call)", await analyst.time("/api/v1/policies/preview", { method: "POST", bodyAt: cutoffAt }));
    const pctAt = (k: number) => ({
      policy: { ...draft.policy, actions: Object.fromEntries(Object.entries(draft.policy.actions).map(([t, a]) => [t, { ...a, changePct: a.changePct + 0.01 * (k + 1) }])) },
    });
    add("preview warm (new change % each call: full pass)", await analyst.time("/api/v1/policies/preview", { method: "POST", bodyAt: pctAt }));
    add("overview", await analyst.time("/api/v1/overview"));
    add("borrowers default", await analyst.time("/api/v1/borrowers"));
    const [{ id: someId }] = ((await analyst.call("/api/v1/borrowers?sort=score&pageSize=1")).json as { items: Array<{ id: number }> }).items;
    for (const [label, q] of [
      ["filter tier=HIGH", "tier=HIGH"], ["filter score 600–700", "minScore=600&maxScore=700"], ["filter changed=up", "changed=up"],
      ["filter util ≥ 90 %", "minUtil=0.9"], ["filter q=<id>", `q=${someId}`], ["filter month=2005-07", "month=2005-07"], ["filter tier=HIGH, sort=score", "tier=HIGH&sort=score&order=desc"],
    ] as const) add(label, await analyst.time(`/api/v1/borrowers?${q}`));
    for (const sort of ["score", "pd", "tier", "limit", "balance", "utilization"]) add(`sort=${sort} desc`, await analyst.time(`/api/v1/borrowers?sort=${sort}&order=desc`));
    const cursor = await deepCursor();
    add("deep cursor (half-way, sort=score)", await analyst.time(`/api/v1/borrowers?sort=score&cursor=${cursor}`));
    add("borrower page (HTML)", await analyst.time(`/borrowers/${someId}`));
    add("borrower API", await analyst.time(`/api/v1/borrowers/${someId}`));
    const csvRss = rssSampler(app.server.pid!);
    csvRss.start();
    const csv = await analyst.time("/api/v1/borrowers?tier=HIGH&format=csv", { runs: 3, warmups: 0 });
    const csvPeak = csvRss.stop();
    add("CSV of tier HIGH (streamed)", csv);
    rows[rows.length - 1].note = `${(csv.bytes / 1e6).toFixed(1)} MB, server peak RSS ${csvPeak} MB during the export`;
    for (const n of [1, 1_000]) {
      // The draft is previewed first, so the timed preview differs from the one before it only by the
      // n changes (what "a change visible in the next preview" means), not by drafts evicted above.
      await analyst.call("/api/v1/policies/preview", { method: "POST", body: draft });
      await changeLimits(n);
      add(`preview after ${n.toLocaleString("en-US")} limit change${n > 1 ? "s" : ""}`, await analyst.time("/api/v1/policies/preview", { method: "POST", body: draft, runs: 1, warmups: 0 }));
    }
    if (values["no-policy-run"]) add("policy run", null, "skipped (--no-policy-run)");
    else {
      const run = await timeAction(analyst, `/api/v1/policies/${active.id}/run`, {});
      add("policy run", run.timing, run.note);
      const runId = run.json?.runId;
      // The inbox after the run, before its approval (its proposals are PENDING items; without a run it holds few).
      add("inbox (PENDING, default sort)", await analyst.time("/api/v1/adjustments?status=PENDING"));
      add("inbox sort=amount desc", await analyst.time("/api/v1/adjustments?status=PENDING&sort=amount&order=desc"));
      add("inbox sort=score asc", await analyst.time("/api/v1/adjustments?status=PENDING&sort=score&order=asc"));
      const inboxCursor = ((await analyst.call("/api/v1/adjustments?status=PENDING&sort=amount&order=desc")).json as { nextCursor: string | null } | null)?.nextCursor;
      if (inboxCursor) add("inbox next page (cursor)", await analyst.time(`/api/v1/adjustments?status=PENDING&sort=amount&order=desc&cursor=${encodeURIComponent(inboxCursor)}`));
      else add("inbox next page (cursor)", null, "n/a (one page)");
      const manager = new Client(app.baseUrl);
      await manager.login("manager@example.com", PASSWORD);
      // --no-run-approval: at 10 M the apply job is the slowest call by far; the run stays PENDING.
      const approve = values["no-run-approval"] ? { timing: null, note: "skipped (--no-run-approval)" }
        : typeof runId === "string" ? await timeRunApproval([admin, manager], runId) : { timing: null, note: "n/a (no run)" };
      add("run approval (approve → apply job done)", approve.timing, approve.note);
    }
    const due = await timeDueChanges(DUE_CHANGES);
    add(`due-change job (${DUE_CHANGES.toLocaleString("en-US")} changes)`, due.timing, due.note);
  } finally {
    await app.stop().catch(() => undefined);
    await closeDb();
  }
  return { size: size.key, borrowers: size.borrowers, peakRssMb: Math.max(peakRss, rss.stop()), rows };
}

if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (bench:app serves the existing build).");
  process.exit(1);
}
const load = [os.loadavg()];
const results: Array<Awaited<ReturnType<typeof benchSize>>> = [];
for (const size of SIZES) {
  log(`— ${size.key}: ${size.url.replace(/:[^:@/]*@/, ":***@")}`);
  results.push(await benchSize(size));
  load.push(os.loadavg());
}
// The growth factor needs the 30 k run; without it (--sizes 10m) the first size is the row template.
const base = results.find((r) => r.size === "30k");
const template = base ?? results[0];
const grown = base ? results.filter((r) => r !== base) : [];
const header = ["call", "", ...results.flatMap((r) => [`${r.size} p50`, `${r.size} p95`]), ...grown.map((r) => `growth ${r.size}`)];
const table = template.rows.map((row, i) => [
  row.call, "",
  ...results.flatMap((r) => (r.rows[i]?.timing ? [`${r.rows[i].timing!.p50.toFixed(1)}`, `${r.rows[i].timing!.p95.toFixed(1)}`] : ["n/a", "n/a"])),
  ...grown.map((r) => {
    const a = base?.rows[i].timing, b = r.rows[i]?.timing;
    return a && b ? ((b.p50 / a.p50) / Math.round(r.borrowers / base!.borrowers)).toFixed(3) : "n/a";
  }),
]);
log(`\nbench:app — times in ms over HTTP; growth = (size time / 30 k time) / (size / 30 k); 1 = linear, ≈ 0.03 = flat`);
log(formatTable(header, table));
for (const r of results) log(`peak RSS of the server (${r.size}): ${r.peakRssMb} MB`);
for (const r of results) for (const row of r.rows) if (row.note && row.timing) log(`${r.size} ${row.call}: ${row.note}`);
log(`load average (1/5/15 min) at start and after each size: ${load.map((l) => l.map((x) => x.toFixed(2)).join("/")).join(" → ")}`);
mkdirSync("bench-results", { recursive: true });
const file = path.join("bench-results", `bench-app-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, load, results }, null, 2));
log(`written ${file}`);
