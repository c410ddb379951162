// Browser-side calls to the appeals API (through the one HTTP client, lib/http-client).
import { newIdempotencyKey as newKey, postJson } from "@/lib/http-client";
import type { AppealChannel, AppealView } from "./types";

const enc = encodeURIComponent;

export const appealsApi = {
  record: (body: { limitChangeId: string; channel: AppealChannel; text: string; receivedAt?: string }) =>
    postJson<AppealView>("/api/v1/appeals", body, { idempotencyKey: newKey() }),
  decide: (id: string, decision: "uphold" | "reverse", comment: string) =>
    postJson<AppealView>(`/api/v1/appeals/${enc(id)}/decide`, { decision, comment }, { idempotencyKey: newKey() }),
};
