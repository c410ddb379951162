/** Wall-clock timing for the benchmark: warm-up runs first (JIT, caches), then the median. */
export async function medianMs<T>(run: () => T | Promise<T>, runs = 5, warmups = 1): Promise<{ ms: number; result: T }> {
  let result = await run();
  for (let k = 1; k < warmups; k++) result = await run();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], result };
}

export async function timedMs<T>(run: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Fixed-width text table, right-aligned numbers. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
}
