/**
 * `DATABASE_URL=postgresql://… npx tsx --conditions=react-server --expose-gc scripts/bench/cold-load.ts [--runs 3] [--out f.json]`:
 * the preview columns' cold load against an existing (seeded) database, in this process — each run a
 * fresh cache, as a new app process (the first full load stores a snapshot, which later runs read;
 * `DELETE FROM "PreviewColumnsSnapshot"` to time the full load again) — then the warm preview. Prints ms, the memory the loaded
 * columns hold (heap vs arrayBuffers, after a GC) and the load average, and a digest of the columns
 * and of one preview so two versions of the loader can be checked for identical results (--out).
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/client";
import { dbColumnsSource } from "@/features/policy/data";
import { PortfolioColumnsCache } from "@/features/policy/preview/columns-cache";
import { previewPolicy } from "@/features/policy/preview/preview";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import type { PortfolioColumns } from "@/features/policy/preview/columns";
import { BENCH_POLICIES } from "./policies";
import { medianMs } from "./timing";

const { values } = parseArgs({ options: { runs: { type: "string" }, out: { type: "string" } } });
const runs = Number(values.runs ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (b: number) => Math.round(b / 1048576);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

function digest(c: PortfolioColumns): string {
  const h = createHash("sha256").update(c.month);
  for (const a of [c.id, c.score, c.pd, c.limit, c.balance, c.monthsSinceDelay, c.outcome, c.sex, c.ageBand]) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest("hex").slice(0, 16);
}

gc();
const before = process.memoryUsage();
const cold: number[] = [];
let cache: PortfolioColumnsCache | null = null;
for (let k = 0; k < runs; k++) {
  cache = null;
  gc();
  const fresh = new PortfolioColumnsCache(dbColumnsSource());
  const t = performance.now();
  await fresh.get();
  cold.push(performance.now() - t);
  cache = fresh;
  const kind = fresh.last?.kind === "snapshot" ? `from the stored snapshot + ${fresh.last.rows} changed rows` : "full load";
  const s = performance.now();
  const stored = await fresh.saved; // the next run (a new process) finds it
  console.log(`cold load ${k + 1}: ${cold[k].toFixed(0)} ms, ${kind}${stored ? `; snapshot stored in ${(performance.now() - s).toFixed(0)} ms more` : ""} (load ${load()})`);
}
const cols = await cache!.get();
gc();
const after = process.memoryUsage();
const draft = BENCH_POLICIES.find((p) => p.name !== "default")!.policy;
const warm = await medianMs(async () => previewPolicy(await cache!.get(), DEFAULT_POLICY, draft), 5);
const preview = createHash("sha256").update(JSON.stringify(warm.result)).digest("hex").slice(0, 16);
const sorted = [...cold].sort((a, b) => a - b);
const figures = {
  borrowers: cols.n,
  coldMs: cold.map(Math.round), coldMedianMs: Math.round(sorted[Math.floor(runs / 2)]), warmMs: +warm.ms.toFixed(1),
  heapMb: mb(after.heapUsed - before.heapUsed), arrayBuffersMb: mb(after.arrayBuffers - before.arrayBuffers),
  bytesPerBorrower: +((after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / Math.max(cols.n, 1)).toFixed(1),
  rssAfterMb: mb(after.rss), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  columnsDigest: digest(cols), previewDigest: preview, loadavg: load(),
};
console.log(JSON.stringify(figures, null, 1));
if (values.out) writeFileSync(values.out, JSON.stringify(figures, null, 1));
await closeDb();
