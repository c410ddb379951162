// Browser-side calls to the adjustments, appeals, tokens and policy-run API. Errors keep the API's
// status, message, field issues and the rest of its body (e.g. `current`, `pendingAdjustmentId`).
import { ApiRequestError, type FieldIssue } from "@/lib/fetch-json";
import type {
  AdjustmentView,
  AppealChannel,
  AppealView,
  BulkResult,
  DecisionResult,
  PolicyRunResult,
} from "./types";

/** An API error with the whole JSON body, for answers that carry more than a message. */
export class ApiCallError extends ApiRequestError {
  constructor(
    status: number,
    message: string,
    issues: FieldIssue[],
    readonly body: Record<string, unknown>,
  ) {
    super(status, message, issues);
  }
}

type SendOptions = { idempotencyKey?: string; signal?: AbortSignal };

export async function postJson<T>(url: string, body: unknown, options: SendOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "content-type": "application/json" };
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  const res = await fetch(url, { method: "POST", signal: options.signal, headers, body: JSON.stringify(body ?? {}) });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data ?? {}) as { message?: string; issues?: FieldIssue[] };
    throw new ApiCallError(res.status, err.message ?? `Request failed (HTTP ${res.status})`, err.issues ?? [], (data ?? {}) as Record<string, unknown>);
  }
  return data as T;
}

/** A fresh key per click: a retried request (double click, flaky network) gets the first answer back. */
const newKey = () => crypto.randomUUID();
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

export const appealsApi = {
  record: (body: { limitChangeId: string; channel: AppealChannel; text: string; receivedAt?: string }) =>
    postJson<AppealView>("/api/v1/appeals", body, { idempotencyKey: newKey() }),
  decide: (id: string, decision: "uphold" | "reverse", comment: string) =>
    postJson<AppealView>(`/api/v1/appeals/${enc(id)}/decide`, { decision, comment }, { idempotencyKey: newKey() }),
};

/** A readable message for any failure (network errors included). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  return "The request failed. Check your connection and try again.";
}

/** Field issues of a 400, keyed by the field name without the "body." prefix. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiRequestError)) return {};
  return Object.fromEntries(err.issues.map((i) => [i.field.replace(/^body\./, ""), i.message]));
}
