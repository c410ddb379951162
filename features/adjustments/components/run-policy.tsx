"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/button";
import { cn } from "@/components/cn";
import type { PolicyView } from "@/features/policy/schema";
import { errorMessage, fetchJson } from "@/lib/http-client";
import { queryKeys } from "@/lib/query-keys";
import { adjustmentsApi } from "@/features/adjustments/client";
import type { PolicyRunResult } from "@/features/adjustments/types";
import { formatInt, formatMonthLong } from "@/lib/format";

type State =
  | { kind: "idle" }
  | { kind: "running"; version: number | null; startedAt: number }
  | { kind: "done"; result: PolicyRunResult }
  | { kind: "error"; message: string };

type Props = {
  /** Version of the ACTIVE policy when the page was rendered (null: none). */
  activeVersion: number | null;
  /** Borrowers the run will look at, for the progress text. */
  borrowers: number | null;
};

/**
 * "Run active policy": looks up the ACTIVE policy at click time (it may have changed since the
 * page loaded), runs it, and shows an indeterminate progress bar until the server answers.
 */
export function RunPolicy({ activeVersion, borrowers }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });

  async function run() {
    setState({ kind: "running", version: activeVersion, startedAt: Date.now() });
    try {
      const { items } = await fetchJson<{ items: PolicyView[] }>("/api/v1/policies");
      const active = items.find((p) => p.status === "ACTIVE");
      if (!active) {
        setState({ kind: "error", message: "There is no active policy to run. Activate a policy version first." });
        return;
      }
      setState({ kind: "running", version: active.version, startedAt: Date.now() });
      const result = await adjustmentsApi.runPolicy(active.id);
      setState({ kind: "done", result });
      void queryClient.invalidateQueries({ queryKey: queryKeys.adjustments });
      // The run is computed by a job: its page shows the progress, then the summary to decide on.
      router.push(`/policy-runs/${encodeURIComponent(result.runId)}`);
    } catch (err) {
      setState({ kind: "error", message: errorMessage(err) });
    }
  }

  const running = state.kind === "running";
  return (
    <section aria-label="Policy run" className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <div className="flex items-center gap-3">
        <Button variant="primary" onClick={run} disabled={running || activeVersion == null}>
          {running ? "Running…" : "Run active policy"}
        </Button>
        <p className="text-xs text-slate-600">
          {activeVersion == null
            ? "No policy is active."
            : `Proposes a new limit for every borrower whose limit under policy v${activeVersion} differs; each proposal then needs a decision.`}
        </p>
      </div>
      <div role="status" aria-live="polite" className="min-w-64 flex-1">
        {state.kind === "running" ? <Running key={state.startedAt} version={state.version} borrowers={borrowers} startedAt={state.startedAt} /> : null}
        {state.kind === "done" ? <RunResult result={state.result} /> : null}
        {state.kind === "error" ? <p className="text-sm font-medium text-red-800">Policy run failed: {state.message}</p> : null}
      </div>
    </section>
  );
}

function Running({ version, borrowers, startedAt }: { version: number | null; borrowers: number | null; startedAt: number }) {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  return (
    <div className="space-y-1.5">
      <p className="text-sm text-slate-800">
        Running policy {version != null ? `v${version}` : ""} on {borrowers != null ? formatInt(borrowers) : "all"} borrowers…
        <span className="ml-2 text-xs text-slate-600 tabular-nums" aria-hidden="true">
          {seconds} s
        </span>
      </p>
      <div role="progressbar" aria-label="Policy run progress" aria-valuetext="Running" className="relative h-1.5 w-full overflow-hidden rounded bg-blue-100">
        <style>{`@keyframes ld-indeterminate { 0% { left: -40%; } 100% { left: 100%; } }`}</style>
        <div className="absolute top-0 h-full w-2/5 animate-[ld-indeterminate_1.2s_ease-in-out_infinite] rounded bg-blue-700 motion-reduce:left-0 motion-reduce:w-full motion-reduce:animate-pulse" />
      </div>
    </div>
  );
}

function RunResult({ result }: { result: PolicyRunResult }) {
  return (
    <div className={cn("rounded-md border px-3 py-2 text-sm", result.alreadyRan ? "border-slate-200 bg-slate-50 text-slate-800" : "border-green-200 bg-green-50 text-green-900")}>
      <p className="font-medium" data-testid="policy-run-message">
        {result.message}
      </p>
      <p className="mt-0.5 text-xs">
        Policy v{result.policyVersion}, {formatMonthLong(result.month)}
        {" · "}
        <Link href={`/policy-runs/${encodeURIComponent(result.runId)}`} className="font-medium text-blue-800 underline underline-offset-2">
          Show this run’s summary
        </Link>
      </p>
    </div>
  );
}
