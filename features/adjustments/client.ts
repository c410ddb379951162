// Browser-side calls to the adjustments and policy-run API (through the one HTTP client, lib/http-client).
import { newIdempotencyKey as newKey, postJson } from "@/lib/http-client";
import type { AdjustmentView, BulkResult, DecisionResult, PolicyRunResult } from "./types";

const enc = encodeURIComponent;

export const adjustmentsApi = {
  approve: (id: string, comment?: string) =>
    postJson<DecisionResult>(`/api/v1/adjustments/${enc(id)}/approve`, comment ? { comment } : {}, { idempotencyKey: newKey() }),
  reject: (id: string, comment: string) =>
    postJson<DecisionResult>(`/api/v1/adjustments/${enc(id)}/reject`, { comment }, { idempotencyKey: newKey() }),
  bulk: (ids: string[], decision: "approve" | "reject", comment?: string) =>
    postJson<{ results: BulkResult[] }>("/api/v1/adjustments/bulk", { ids, decision, ...(comment ? { comment } : {}) }, { idempotencyKey: newKey() }),
  propose: (body: { borrowerId: number; newLimit: number; reason: string; reasonCodes?: string[]; override?: { reason: string; text: string } }) =>
    postJson<AdjustmentView>("/api/v1/adjustments", body, { idempotencyKey: newKey() }),
  runPolicy: (policyId: string) => postJson<PolicyRunResult>(`/api/v1/policies/${enc(policyId)}/run`, {}, { idempotencyKey: newKey() }),
};
