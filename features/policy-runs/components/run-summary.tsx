"use client";
// The run summary page's body: polls the run while a job works on it (JobProgress for the compute
// job, then for the approve/reject job), shows the figures, a sample and the exceptions.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { JobProgress } from "@/components/job-progress";
import { formatInt } from "@/lib/format";
import { policyRunsApi } from "./api";
import { RunDecision } from "./run-decision";
import { RunFigures } from "./run-figures";
import { RunItems } from "./run-items";
import type { PolicyRunView } from "./types";

const BUSY = new Set(["COMPUTING", "APPROVING", "REJECTING"]);
const STATUS_TEXT: Record<string, string> = {
  COMPUTING: "Computing the proposals…", PENDING_APPROVAL: "Waiting for approval", APPROVING: "Approved: applying the items…",
  APPLIED: "Applied", REJECTING: "Rejected: closing the items…", REJECTED: "Rejected", LEGACY: "Run before run-level approval (items decided one by one)",
};

type Props = { initial: PolicyRunView; actorId: string; canDecide: boolean };

export function RunSummaryView({ initial, actorId, canDecide }: Props) {
  const queryClient = useQueryClient();
  const { data: run = initial } = useQuery({
    queryKey: ["policy-run", initial.id],
    queryFn: ({ signal }) => policyRunsApi.get(initial.id, signal),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && BUSY.has(q.state.data.status) ? 1_500 : false),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["policy-run", initial.id] });
  const jobId = run.status === "COMPUTING" ? run.computeJobId : run.decisionJobId;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-800" data-testid="run-status">
        <span className="font-semibold">{STATUS_TEXT[run.status] ?? run.status}</span>
        {run.status === "APPLIED" ? ` · ${formatInt(run.progress.applied)} applied, ${formatInt(run.progress.stale)} stale (not applied)` : ""}
        {run.decisions.length ? ` · ${run.decisions.map((d) => `${d.decision === "APPROVE" ? "approved" : "rejected"} by ${d.deciderEmail}${d.comment ? ` (“${d.comment}”)` : ""}`).join("; ")}` : ""}
      </p>
      {jobId && (BUSY.has(run.status) || run.status === "APPLIED" || run.status === "REJECTED") ? (
        <JobProgress key={jobId} jobId={jobId} label={run.status === "COMPUTING" ? "Policy run" : run.status.startsWith("REJECT") ? "Rejecting the run" : "Applying the run"} onFinished={refresh} />
      ) : null}
      <RunDecision run={run} actorId={actorId} canDecide={canDecide} onDecided={refresh} />
      {run.summary ? <RunFigures summary={run.summary} /> : null}
      {run.summary ? <RunItems run={run} /> : null}
    </div>
  );
}
