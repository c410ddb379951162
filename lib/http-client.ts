// The browser's one HTTP client for the app's own API. Every failure is an ApiRequestError with the
// API's status, message, field issues and the rest of its body (e.g. `current`,
// `pendingAdjustmentId`), so the UI can show exactly what the server said.

export type FieldIssue = { field: string; message: string };

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type SendOptions = { idempotencyKey?: string; signal?: AbortSignal };

async function request<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data ?? {}) as { message?: string; issues?: FieldIssue[] };
    throw new ApiRequestError(res.status, err.message ?? `Request failed (HTTP ${res.status})`, err.issues ?? [], (data ?? {}) as Record<string, unknown>);
  }
  return data as T;
}

export function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return request<T>(url, { signal, headers: { accept: "application/json" } });
}

export function sendJson<T>(method: "POST" | "PUT", url: string, body: unknown, options: SendOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "content-type": "application/json" };
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  return request<T>(url, { method, signal: options.signal, headers, body: JSON.stringify(body ?? {}) });
}

export const postJson = <T>(url: string, body: unknown, options: SendOptions = {}) => sendJson<T>("POST", url, body, options);

/** A fresh key per click: a retried request (double click, flaky network) gets the first answer back. */
export const newIdempotencyKey = () => crypto.randomUUID();

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
