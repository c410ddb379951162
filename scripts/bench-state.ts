/**
 * `npm run bench:state [-- --quick] [-- --cold]` (also the last part of `npm run bench`): the preview columns
 * against PostgreSQL (BENCH_PG_URL) — cold load from BorrowerState and the preview after 1 and
 * 1,000 approvals, at 30 k (real) and 1 M (synthetic copies of the real rows) borrowers.
 */
import { cpus, loadavg } from "node:os";
import { benchState } from "./bench/state";
import { formatTable, peakRssMb } from "./bench/timing";

export async function runStateBench(sizes = [30_000, 1_000_000], approvalCounts?: number[]) {
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const rows = await benchState(sizes, log, approvalCounts);
  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
  console.log(`\nPreview columns from PostgreSQL; ${cpus().length} CPUs, load average at the end ${loadavg().map((x) => x.toFixed(1)).join(" ")}.\n`);
  console.log(formatTable(["borrowers", "what", "ms", "rows read", "peak RSS MB"], rows.map((r) => [
    r.size.toLocaleString("en-US"), r.what, fmt(r.ms), r.rows.toLocaleString("en-US"), String(r.rss),
  ])));
  console.log(`peak RSS: ${peakRssMb()} MB`);
}

// --quick: 30 k only; --cold: cold load and warm preview only (no approvals).
if (import.meta.url === `file://${process.argv[1]}`) {
  await runStateBench(process.argv.includes("--quick") ? [30_000] : undefined, process.argv.includes("--cold") ? [] : undefined);
}
