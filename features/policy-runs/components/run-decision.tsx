"use client";
// Approve or reject the whole run. The server enforces who may (not the starter, two different
// approvers above the run threshold); the buttons only hide what would certainly be refused.
import { useState } from "react";
import { Button } from "@/components/button";
import { Field, Input } from "@/components/field";
import { policyRunsApi } from "./api";
import type { PolicyRunView } from "./types";

type Props = { run: PolicyRunView; actorId: string; canDecide: boolean; onDecided: () => void };

export function RunDecision({ run, actorId, canDecide, onDecided }: Props) {
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (run.status !== "PENDING_APPROVAL") return null;
  const approvals = run.decisions.filter((d) => d.decision === "APPROVE").length;
  const need = `${approvals} of ${run.requiredApprovals} approval${run.requiredApprovals > 1 ? "s" : ""}`;
  if (!canDecide) return <p className="text-sm text-slate-700">Waiting for a manager&apos;s decision ({need}).</p>;
  if (run.createdById === actorId) return <p className="text-sm text-slate-700">You started this run: a different manager decides it ({need}).</p>;

  async function decide(decision: "approve" | "reject") {
    setBusy(true);
    setMessage(null);
    try {
      const answer = decision === "approve" ? await policyRunsApi.approve(run.id, comment || undefined) : await policyRunsApi.reject(run.id, comment);
      setMessage(answer.jobId ? null : "Approval recorded: a second, different approver is needed.");
      onDecided();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label="Decide the run" className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
      <p className="text-sm text-slate-800">Decide the whole run ({need}).</p>
      <Field id="run-comment" label="Comment (required to reject, at least 10 characters)">
        <Input id="run-comment" value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button variant="primary" disabled={busy} onClick={() => decide("approve")}>Approve run</Button>
        <Button disabled={busy || comment.trim().length < 10} onClick={() => decide("reject")}>Reject run</Button>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-800">{message}</p>
    </section>
  );
}
