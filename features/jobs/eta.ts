// Pure progress arithmetic for the progress bar: percent, elapsed and estimated time left.
export type ProgressFigures = { percent: number | null; elapsedMs: number; etaMs: number | null };

export function progressFigures(
  job: { done: number; total: number | null; startedAt: string | null; finishedAt: string | null },
  nowMs: number,
): ProgressFigures {
  const start = job.startedAt ? Date.parse(job.startedAt) : null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : nowMs;
  const elapsedMs = start == null ? 0 : Math.max(0, end - start);
  const total = job.total;
  if (total == null || total <= 0) return { percent: job.finishedAt ? 100 : null, elapsedMs, etaMs: job.finishedAt ? 0 : null };
  const done = Math.min(Math.max(job.done, 0), total);
  const percent = Math.floor((done / total) * 100);
  if (job.finishedAt) return { percent: 100, elapsedMs, etaMs: 0 };
  // Linear extrapolation from the rate so far; unknown until some work is done.
  const etaMs = done > 0 && elapsedMs > 0 ? Math.round((elapsedMs / done) * (total - done)) : null;
  return { percent, elapsedMs, etaMs };
}

/** 0 s, 42 s, 3 min 05 s, 1 h 02 min. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}
