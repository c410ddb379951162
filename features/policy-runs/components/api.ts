// Browser calls of the run summary page: read the run, approve or reject it (a fresh
// Idempotency-Key per click, so a double click gets the first answer back).
import { fetchJson, newIdempotencyKey, postJson } from "@/lib/http-client";
import type { PolicyRunView } from "./types";

const post = <T>(url: string, body: unknown) => postJson<T>(url, body, { idempotencyKey: newIdempotencyKey() });

const enc = encodeURIComponent;
export type DecisionAnswer = { jobId: string | null; status: string };
export const policyRunsApi = {
  get: (id: string, signal?: AbortSignal) => fetchJson<PolicyRunView>(`/api/v1/policy-runs/${enc(id)}`, signal),
  approve: (id: string, comment?: string) => post<DecisionAnswer>(`/api/v1/policy-runs/${enc(id)}/approve`, comment ? { comment } : {}),
  reject: (id: string, comment: string) => post<DecisionAnswer>(`/api/v1/policy-runs/${enc(id)}/reject`, { comment }),
};
