// Plain Node HTTP for the security specs: a chosen source address on the loopback network
// (127.0.0.2, 127.0.0.3, …) is a real, different client address without any proxy, which
// Playwright's request API cannot pick.
import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function raw(baseURL: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const cookiesOf = (res: RawResponse) => (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

/** One credentials log-in attempt from `localAddress`: status, Retry-After, and the session cookie if any. */
export async function loginAttempt(baseURL: string, email: string, password: string, localAddress: string, headers: Record<string, string> = {}) {
  const csrf = await raw(baseURL, "/api/auth/csrf", { localAddress, headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await raw(baseURL, "/api/auth/callback/credentials", {
    method: "POST",
    localAddress,
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token=") && !c.endsWith("="));
  return { status: res.status, retryAfter: res.headers["retry-after"], session: session ?? null, setCookie: res.headers["set-cookie"] ?? [] };
}
