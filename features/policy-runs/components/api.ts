// Browser calls of the run summary page: read the run, approve or reject it (a fresh
// Idempotency-Key per click, so a double click gets the first answer back).
import { ApiRequestError, fetchJson, type FieldIssue } from "@/lib/http-client";
import type { PolicyRunView } from "./types";

async function post<T>(url: string, body: unknown): Promise<T> {
  const headers = { accept: "application/json", "content-type": "application/json", "idempotency-key": crypto.randomUUID() };
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data ?? {}) as { message?: string; issues?: FieldIssue[] };
    throw new ApiRequestError(res.status, err.message ?? `Request failed (HTTP ${res.status})`, err.issues ?? []);
  }
  return data as T;
}

const enc = encodeURIComponent;
export type DecisionAnswer = { jobId: string | null; status: string };
export const policyRunsApi = {
  get: (id: string, signal?: AbortSignal) => fetchJson<PolicyRunView>(`/api/v1/policy-runs/${enc(id)}`, signal),
  approve: (id: string, comment?: string) => post<DecisionAnswer>(`/api/v1/policy-runs/${enc(id)}/approve`, comment ? { comment } : {}),
  reject: (id: string, comment: string) => post<DecisionAnswer>(`/api/v1/policy-runs/${enc(id)}/reject`, { comment }),
};
