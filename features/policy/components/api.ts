// Browser-side calls to the policy API (through the one HTTP client, lib/http-client).
import { sendJson as send } from "@/lib/http-client";
import type { PolicyConfig, PolicyView } from "@/features/policy/schema";
import type { JudgedPreview } from "@/features/policy/preview/side-by-side";

export type LifecycleAction = "submit" | "approve" | "reject" | "activate";

export const policyApi = {
  preview: (policy: PolicyConfig, signal?: AbortSignal) => send<JudgedPreview>("POST", "/api/v1/policies/preview", { policy }, { signal }),
  createFrom: (basedOnId: string) => send<PolicyView>("POST", "/api/v1/policies", { basedOnId }),
  update: (id: string, body: { name?: string; config: PolicyConfig }) => send<PolicyView>("PUT", `/api/v1/policies/${encodeURIComponent(id)}`, body),
  discard: (id: string) => send<PolicyView>("POST", `/api/v1/policies/${encodeURIComponent(id)}/discard`, {}),
  transition: (id: string, action: LifecycleAction, comment?: string) =>
    send<PolicyView>("POST", `/api/v1/policies/${encodeURIComponent(id)}/${action}`, comment ? { comment } : {}),
};
