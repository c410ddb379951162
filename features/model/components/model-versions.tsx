"use client";

// Model versions (issue 10 §3): candidates wait for a second person; approving one activates it
// and re-scores the latest month by job (progress shown). Whoever fitted a candidate cannot decide it.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { JobProgress } from "@/components/job-progress";
import { StatusNotice, type Notice } from "@/components/status-notice";
import { Table, TableShell, Td, Th } from "@/components/table";
import type { CandidateView } from "@/features/model/candidates";
import { errorMessage, postJson } from "@/lib/http-client";

type Props = { items: CandidateView[]; canDecide: boolean; me: string | null };

export function ModelVersions({ items, canDecide, me }: Props) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(version: string, decision: "approve" | "reject") {
    setBusy(true);
    setNotice(null);
    try {
      const body = await postJson<{ jobId?: string | null }>(`/api/v1/model/versions/${encodeURIComponent(version)}/${decision}`, {});
      setNotice({ tone: "ok", text: decision === "approve" ? `${version} is active; the latest month is being re-scored.` : `${version} rejected.` });
      setJobId(body.jobId ?? null);
      router.refresh();
    } catch (err) {
      setNotice({ tone: "error", text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3 p-4">
      <TableShell label="Model versions">
        <Table>
          <thead>
            <tr><Th>Version</Th><Th>Status</Th><Th numeric>Holdout AUC</Th><Th numeric>KS</Th><Th numeric>CV AUC</Th><Th>Fitted by</Th><Th>Decided by</Th><Th>Decision</Th></tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.version}>
                <Td className="font-mono text-xs">{m.version}</Td>
                <Td>{m.status}</Td>
                <Td numeric>{m.auc.toFixed(3)}</Td>
                <Td numeric>{m.ks.toFixed(3)}</Td>
                <Td numeric>{m.cvAuc === null ? "–" : m.cvAuc.toFixed(3)}</Td>
                <Td>{m.fittedByEmail ?? "seed"}</Td>
                <Td>{m.decidedByEmail ?? "–"}</Td>
                <Td>
                  {m.status === "CANDIDATE" && canDecide && m.fittedByEmail !== me ? (
                    <span className="flex gap-2">
                      <Button variant="primary" disabled={busy} onClick={() => void decide(m.version, "approve")}>Approve and activate</Button>
                      <Button disabled={busy} onClick={() => void decide(m.version, "reject")}>Reject</Button>
                    </span>
                  ) : m.status === "CANDIDATE" ? "waiting for a second person" : ""}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableShell>
      <StatusNotice notice={notice} />
      {jobId ? <JobProgress jobId={jobId} label="Re-score of the latest month" /> : null}
    </div>
  );
}
