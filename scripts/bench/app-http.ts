// bench:app — a signed-in HTTP client (session cookie, same-origin writes) and per-call timing.

export type Timing = { p50: number; p95: number; runs: number; status: number; bytes: number };

export class Client {
  private cookie = "";
  constructor(readonly baseUrl: string) {}

  async login(email: string, password: string) {
    const csrf = await fetch(`${this.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
    const res = await fetch(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: this.baseUrl },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
    });
    const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token=") && !c.endsWith("="));
    if (!session) throw new Error(`log-in as ${email} failed (${res.status})`);
    this.cookie = [...jar, session].join("; ");
  }

  /** One request, body read to the end (a CSV is timed until its last byte). */
  async call(path: string, init: { method?: string; body?: unknown } = {}) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: init.method ?? "GET",
      headers: { cookie: this.cookie, origin: this.baseUrl, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    let bytes = 0;
    const reader = res.body?.getReader();
    const chunks: Uint8Array[] = [];
    const keep = (res.headers.get("content-type") ?? "").includes("json");
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      bytes += next.value.byteLength;
      if (keep) chunks.push(next.value);
    }
    const text = keep ? Buffer.concat(chunks).toString("utf8") : "";
    return { status: res.status, bytes, json: keep && text ? (JSON.parse(text) as unknown) : null };
  }

  /**
   * `runs` timed calls after `warmups` untimed ones: p50 and p95 (nearest rank). `bodyAt(k)`, when
   * given, is call k's body (warm-ups first), e.g. another draft each call.
   */
  async time(path: string, opts: { runs?: number; warmups?: number; method?: string; body?: unknown; bodyAt?: (k: number) => unknown } = {}): Promise<Timing> {
    const { runs = 7, warmups = 2 } = opts;
    const init = (k: number) => ({ method: opts.method, body: opts.bodyAt ? opts.bodyAt(k) : opts.body });
    let last = { status: 0, bytes: 0 };
    for (let k = 0; k < warmups; k++) last = await this.call(path, init(k));
    const ms: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      last = await this.call(path, init(warmups + k));
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    const rank = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
    return { p50: rank(0.5), p95: rank(0.95), runs, status: last.status, bytes: last.bytes };
  }
}
