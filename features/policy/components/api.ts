// Browser-side calls to the policy API. Errors keep the API's status, message and field issues.
import { ApiRequestError, type FieldIssue } from "@/lib/fetch-json";
import type { PolicyConfig, PolicyView } from "@/features/policy/schema";
import type { JudgedPreview } from "@/features/policy/preview/side-by-side";

async function send<T>(method: "POST" | "PUT", url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, {
    method,
    signal,
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data ?? {}) as { message?: string; issues?: FieldIssue[] };
    throw new ApiRequestError(res.status, err.message ?? `Request failed (HTTP ${res.status})`, err.issues ?? []);
  }
  return data as T;
}

export type LifecycleAction = "submit" | "approve" | "reject" | "activate";

export const policyApi = {
  preview: (policy: PolicyConfig, signal?: AbortSignal) => send<JudgedPreview>("POST", "/api/v1/policies/preview", { policy }, signal),
  createFrom: (basedOnId: string) => send<PolicyView>("POST", "/api/v1/policies", { basedOnId }),
  update: (id: string, body: { name?: string; config: PolicyConfig }) => send<PolicyView>("PUT", `/api/v1/policies/${encodeURIComponent(id)}`, body),
  discard: (id: string) => send<PolicyView>("POST", `/api/v1/policies/${encodeURIComponent(id)}/discard`, {}),
  transition: (id: string, action: LifecycleAction, comment?: string) =>
    send<PolicyView>("POST", `/api/v1/policies/${encodeURIComponent(id)}/${action}`, comment ? { comment } : {}),
};

/** A readable message for any failure (network errors included). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  return "The request failed. Check your connection and try again.";
}
