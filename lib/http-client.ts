// Browser-side JSON fetch for the app's own API. Errors keep the API's message and field issues
// ({status, message, issues?}) so the UI can show exactly what the server said.

export type FieldIssue = { field: string; message: string };

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body ?? {}) as { message?: string; issues?: FieldIssue[] };
    throw new ApiRequestError(res.status, err.message ?? `Request failed (HTTP ${res.status})`, err.issues ?? []);
  }
  return body as T;
}
