"use client";

// "Fit a candidate" (issue 10 §3): POST /api/v1/model/candidates starts the fit job (one at a time;
// a second click answers the running job) and its progress is shown; the list refreshes when done.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { JobProgress } from "@/components/job-progress";
import { StatusNotice, type Notice } from "@/components/status-notice";

export function FitCandidate() {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setNotice(null);
    try {
      const res = await fetch("/api/v1/model/candidates", { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: "{}" });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) return setNotice({ tone: "error", text: body.message ?? `HTTP ${res.status}` });
      setJobId(body.jobId);
      setNotice({ tone: "ok", text: body.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3 px-4 pt-4">
      <Button variant="primary" disabled={busy} onClick={() => void start()}>Fit a candidate from the portfolio</Button>
      <StatusNotice notice={notice} />
      {jobId ? <JobProgress jobId={jobId} label="Candidate fit" onFinished={() => router.refresh()} /> : null}
    </div>
  );
}
