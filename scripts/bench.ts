/**
 * `npm run bench [-- --quick]`: times the policy impact preview against DuckDB (one SQL query over
 * the same data, in-process) at 30 k (the real UCI portfolio), 1 M and 10 M borrowers (bootstrapped
 * from it; --quick skips 10 M), and against the naive Prisma + loop path at 30 k. Checks all paths
 * agree (integers exactly, money sums within relative 1e-9) and exits non-zero when they do not.
 * Loading DuckDB and the preview's one-off policy-independent preparation are shown, not timed.
 */
import { cpus, loadavg } from "node:os";
import { loadUciCsv } from "@/features/import/csv";
import { loadModel } from "@/features/scoring/model-types";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { columnsFromUci } from "@/features/policy/preview/uci-columns";
import { previewPolicy } from "@/features/policy/preview/preview";
import { portfolioStats } from "@/features/policy/preview/portfolio-stats";
import { compareFigures } from "@/features/policy/preview/compare";
import type { PortfolioColumns } from "@/features/policy/preview/columns";
import { bootstrapColumns } from "./bench/bootstrap";
import { duckPreview, openDuckDb, previewSql } from "./bench/duckdb";
import { naivePreview, openSeededScratchDb } from "./bench/naive";
import { BENCH_POLICIES } from "./bench/policies";
import { formatTable, medianMs, peakRssMb, timedMs } from "./bench/timing";
import { runStateBench } from "./bench-state";

const quick = process.argv.includes("--quick");
// Median of at least 5 runs; more where a run is cheap, so a stray preemption cannot set the median.
const runsFor = (size: number) => (size <= 30_000 ? 25 : size <= 1_000_000 ? 9 : 5);
const NAIVE_RUNS = 5;
// The naive path takes seconds per run: only the default policy gets the full median; the others
// run once each (still checked), so the whole bench fits in about five minutes.
const NAIVE_TIMED_POLICY = "default";
const active = DEFAULT_POLICY;
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

const { rows, issues } = loadUciCsv();
if (issues.length) throw new Error(`the CSV has ${issues.length} issue(s)`);
const real = columnsFromUci(rows, loadModel());
const sizes = quick ? [real.n, 1_000_000] : [real.n, 1_000_000, 10_000_000];

// Let the JIT see every policy's branches before anything is timed (otherwise the first size pays
// for deoptimisations the later ones do not).
// A separate sample, so the real portfolio's one-off preparation is still measured below.
const warmUp = bootstrapColumns(real, real.n, 1);
for (let k = 0; k < 5; k++) for (const { policy } of BENCH_POLICIES) previewPolicy(warmUp, active, policy);

type Row = { size: number; policy: string; fastMs: number; duckMs: number; naive: string; diffs: number; rss: number };
const table: Row[] = [];
const failures: string[] = [];

for (const size of sizes) {
  let cols: PortfolioColumns | null = size === real.n ? real : bootstrapColumns(real, size);
  const prep = await timedMs(() => portfolioStats(cols!));
  const duck = await timedMs(() => openDuckDb(cols!));
  log(`${size.toLocaleString("en-US")} borrowers: preview preparation ${fmt(prep.ms)} ms (once), DuckDB load ${fmt(duck.ms)} ms`);
  const runs = runsFor(size);
  for (const { name, policy } of BENCH_POLICIES) {
    const fast = await medianMs(() => previewPolicy(cols!, active, policy), runs);
    const sql = previewSql(active, policy);
    const db = await medianMs(() => duckPreview(duck.result.conn, sql), runs);
    const diffs = compareFigures(db.result, fast.result, { subset: true }).map((d) => `${size} ${name} DuckDB vs preview ${d}`);
    failures.push(...diffs);
    table.push({ size, policy: name, fastMs: fast.ms, duckMs: db.ms, naive: "–", diffs: diffs.length, rss: peakRssMb() });
    log(`${size} ${name}: preview ${fmt(fast.ms)} ms, DuckDB ${fmt(db.ms)} ms`);
  }
  duck.result.close();
  cols = null; // let the big arrays go before the next size is built
}

// Last, so its garbage and the database's memory do not disturb the timings and RSS figures above.
const naive = await timedMs(openSeededScratchDb);
log(`naive: scratch PostgreSQL database migrated and seeded in ${fmt(naive.ms)} ms`);
for (const { name, policy } of BENCH_POLICIES) {
  const run = () => naivePreview(naive.result.prisma, real.month, active, policy);
  const slow = name === NAIVE_TIMED_POLICY ? await medianMs(run, NAIVE_RUNS) : await timedMs(run);
  const diffs = compareFigures(slow.result, previewPolicy(real, active, policy)).map((d) => `30000 ${name} naive vs preview ${d}`);
  failures.push(...diffs);
  const row = table.find((r) => r.size === real.n && r.policy === name)!;
  row.naive = name === NAIVE_TIMED_POLICY ? fmt(slow.ms) : `${fmt(slow.ms)}¹`;
  row.diffs += diffs.length;
  log(`30000 ${name}: naive ${fmt(slow.ms)} ms`);
}
await naive.result.close();

const header = ["borrowers", "policy", "Limit Desk ms", "DuckDB ms", "naive ms", "LD ÷ DuckDB", "figures", "peak RSS MB"];
const load = loadavg().map((x) => x.toFixed(1)).join(" ");
console.log(`\nMedian after one warm-up of ${sizes.map((s) => `${runsFor(s)} runs at ${s.toLocaleString("en-US")}`).join(", ")}; naive: ${NAIVE_RUNS} runs for "${NAIVE_TIMED_POLICY}", ¹ one run.`);
console.log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s on ${cpus().length} CPUs; load average at the end ${load}.\n`);
console.log(formatTable(header, table.map((r) => [
  r.size.toLocaleString("en-US"), r.policy, fmt(r.fastMs), fmt(r.duckMs), r.naive, (r.fastMs / r.duckMs).toFixed(3), r.diffs ? "MISMATCH" : "equal", String(r.rss),
])));
console.log(`peak RSS after the naive path: ${peakRssMb()} MB`);
if (failures.length) {
  console.error(`\n${failures.length} difference(s):\n${failures.slice(0, 40).join("\n")}`);
  process.exitCode = 1;
}

// The preview columns against PostgreSQL (cold load, after N approvals); `--no-db` skips it.
if (!process.argv.includes("--no-db")) await runStateBench();
