"use client";

// Upload of a data file (ADMIN): drop it or pick it, optionally as a replacement revision; the
// import job's progress is shown with JobProgress, then the result with every bad row.
import { useState, type DragEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { JobProgress } from "@/components/job-progress";
import { StatusNotice, type Notice } from "@/components/status-notice";
import { cn } from "@/components/cn";
import { fetchJson } from "@/lib/http-client";
import type { ImportView } from "@/features/imports/schema";
import { ImportErrors } from "./import-errors";

type Started = { importId: string; jobId: string | null; status: string; alreadyImported: boolean; message: string };

export function ImportUpload() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [started, setStarted] = useState<Started | null>(null);
  const [result, setResult] = useState<ImportView | null>(null);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) setFile(f);
  };

  async function loadResult(importId: string) {
    setResult(await fetchJson<ImportView>(`/api/v1/imports/${importId}`));
    router.refresh();
  }

  async function upload() {
    if (!file) return;
    setBusy(true);
    setNotice(null);
    setResult(null);
    setStarted(null);
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("replace", String(replace));
    try {
      const res = await fetch("/api/v1/imports", { method: "POST", body: form, headers: { accept: "application/json" } });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        setNotice({ tone: "error", text: body.message ?? `Upload failed (HTTP ${res.status})` });
        return;
      }
      setStarted(body as Started);
      if ((body as Started).alreadyImported) {
        setNotice({ tone: "ok", text: `This file was already imported (${(body as Started).status}); nothing was done.` });
        await loadResult((body as Started).importId);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <div
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={cn("rounded-lg border-2 border-dashed p-6 text-center text-sm", over ? "border-blue-700 bg-blue-50" : "border-slate-300 bg-white")}
      >
        <p className="mb-2 text-slate-700">Drop a statements, borrowers or outcomes CSV here, or</p>
        <label className="inline-block cursor-pointer font-medium text-blue-800 underline">
          choose a file
          <input type="file" accept=".csv,text/csv" className="sr-only" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <p className="mt-2 min-h-5 text-slate-900">{file ? `${file.name} (${(file.size / 1024).toFixed(0)} KB)` : ""}</p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          Replacement revision of a month already imported (audited, re-scored)
        </label>
        <Button variant="primary" disabled={!file || busy} onClick={() => void upload()}>
          {busy ? "Uploading…" : "Import"}
        </Button>
      </div>
      <StatusNotice notice={notice} />
      {started?.jobId && !started.alreadyImported ? (
        <JobProgress jobId={started.jobId} label={`Import of ${file?.name ?? "file"}`} onFinished={() => void loadResult(started.importId)} renderResult={() => null} />
      ) : null}
      {result ? <ImportResult imp={result} /> : null}
    </div>
  );
}

function ImportResult({ imp }: { imp: ImportView }) {
  const r = imp.result as { scored?: number; riskier?: number; safer?: number; borrowersAdded?: number; outcomesRecorded?: number } | null;
  return (
    <div className="space-y-2 text-sm">
      <p>
        <strong>{imp.status}</strong> · {imp.kind.toLowerCase()} {imp.month ?? ""} · {imp.rows.toLocaleString("en-US")} rows · revision {imp.revision}
      </p>
      {imp.status === "SUCCEEDED" && r ? (
        <p>
          {r.scored !== undefined ? `${r.scored.toLocaleString("en-US")} borrowers re-scored: ${r.riskier} riskier, ${r.safer} safer.` : ""}
          {r.borrowersAdded !== undefined ? `${r.borrowersAdded.toLocaleString("en-US")} borrowers added.` : ""}
          {r.outcomesRecorded !== undefined ? `${r.outcomesRecorded.toLocaleString("en-US")} outcomes recorded.` : ""}
        </p>
      ) : null}
      <ImportErrors imp={imp} />
    </div>
  );
}
