"use client";

// Progress of one background job (GET /api/v1/jobs/{id}), polled until it finishes: done/total,
// elapsed, ETA, then the result or the error. Fixed-height rows, so nothing below it moves while
// it updates; the bar is a real progressbar for assistive technology.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/components/cn";
import { fetchJson } from "@/lib/http-client";
import type { JobResponse } from "@/features/jobs/schema";
import { formatDuration, progressFigures } from "@/features/jobs/eta";

type Props = {
  jobId: string;
  /** What the job does, e.g. "Policy run v3, 2005-09". */
  label: string;
  /** Called once when the job has finished (succeeded or failed), e.g. to refresh a list. */
  onFinished?: (job: JobResponse) => void;
  /** How to show a succeeded job's result; default: its top-level fields. */
  renderResult?: (result: unknown) => ReactNode;
  pollMs?: number;
};

const finished = (job: JobResponse | undefined) => job?.status === "succeeded" || job?.status === "failed";
const count = (n: number) => n.toLocaleString("en-US");

export function JobProgress({ jobId, label, onFinished, renderResult, pollMs = 1_000 }: Props) {
  const labelId = useId();
  const { data: job, error, dataUpdatedAt } = useQuery({
    queryKey: ["job", jobId],
    queryFn: ({ signal }) => fetchJson<JobResponse>(`/api/v1/jobs/${jobId}`, signal),
    refetchInterval: (query) => (finished(query.state.data) ? false : pollMs),
    staleTime: 0,
  });

  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (job && finished(job) && reported.current !== job.id) {
      reported.current = job.id;
      onFinished?.(job);
    }
  }, [job, onFinished]);

  // "Now" is the time of the last answer, so the figures change only when new data arrives.
  const figures = job ? progressFigures(job, dataUpdatedAt) : null;
  const determinate = figures?.percent != null;
  const valueText = !job
    ? "Waiting for the job…"
    : job.total != null
      ? `${count(job.done)} of ${count(job.total)} (${figures?.percent ?? 0} %)`
      : `${count(job.done)} done`;

  return (
    <div className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
      <div className="flex items-baseline justify-between gap-3">
        <p id={labelId} className="font-medium text-slate-900">
          {label}
        </p>
        <p className="tabular-nums text-slate-600">{job ? statusWord(job.status) : "…"}</p>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={determinate ? figures!.percent! : undefined}
        aria-valuetext={valueText}
        aria-busy={!finished(job)}
        className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn("h-full rounded-full transition-[width] duration-500", job?.status === "failed" ? "bg-red-500" : "bg-blue-600", !determinate && !finished(job) && "w-1/3 animate-pulse")}
          style={determinate ? { width: `${figures!.percent}%` } : finished(job) ? { width: "100%" } : undefined}
        />
      </div>
      <p className="mt-2 h-5 tabular-nums text-slate-600">
        {valueText}
        {figures && job?.startedAt ? ` · elapsed ${formatDuration(figures.elapsedMs)}` : ""}
        {figures?.etaMs != null && !finished(job) ? ` · about ${formatDuration(figures.etaMs)} left` : ""}
      </p>
      <div role="status" aria-live="polite" className="mt-1 min-h-5">
        {error ? <p className="text-red-800">{error.message}</p> : null}
        {job?.status === "failed" ? <p className="text-red-800">Failed: {job.error}</p> : null}
        {job?.status === "succeeded" ? (
          <div className="text-green-900">{renderResult ? renderResult(job.result) : <DefaultResult result={job.result} />}</div>
        ) : null}
      </div>
    </div>
  );
}

function statusWord(status: JobResponse["status"]) {
  return { queued: "Queued", running: "Running", succeeded: "Done", failed: "Failed" }[status];
}

function DefaultResult({ result }: { result: unknown }) {
  if (result == null || typeof result !== "object") return <p>Done.</p>;
  const entries = Object.entries(result as Record<string, unknown>).filter(([, v]) => v == null || typeof v !== "object");
  return (
    <p>
      Done{entries.length ? ": " : "."}
      {entries.map(([k, v]) => `${k} ${typeof v === "number" ? count(v) : String(v)}`).join(", ")}
    </p>
  );
}
