import { test, expect, loginAs, PASSWORD } from "./fixtures";
import { loginAttempt } from "./raw-http";

// Issue 9 items 2 and 3 over real HTTP. Each test guesses from its own loopback address
// (127.0.0.x), so the run's other specs, which log in from 127.0.0.1, are never throttled.
const base = () => test.info().project.use.baseURL!;

test.describe("log-in throttling", () => {
  test("30 parallel guesses: 5 evaluated, the rest 429 with Retry-After; the owner still gets in from a clean address", async () => {
    const email = "manager2@example.com";
    const results = await Promise.all(Array.from({ length: 30 }, () => loginAttempt(base(), email, "wrong-password", "127.0.0.2")));
    // next-auth answers a wrong password with 401, a throttled attempt (not evaluated) with 429.
    expect(results.filter((r) => r.status === 401 && !r.session)).toHaveLength(5);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(25);
    for (const r of refused) expect(Number(r.retryAfter)).toBeGreaterThan(0);
    // The right password from the guessing address: still refused (that pair is throttled)…
    expect((await loginAttempt(base(), email, PASSWORD, "127.0.0.2")).status).toBe(429);
    // …and from the owner's own address it works: no lock-out of the account.
    const owner = await loginAttempt(base(), email, PASSWORD, "127.0.0.3");
    expect(owner.status).toBe(200);
    expect(owner.session).not.toBeNull();
  });

  test("ignores X-Forwarded-For without TRUST_PROXY: rotating it does not get around the limit", async () => {
    const outcomes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await loginAttempt(base(), "nobody-xff@example.com", "guess", "127.0.0.4", { "x-forwarded-for": `198.51.100.${i + 1}` });
      outcomes.push(r.status);
    }
    expect(outcomes).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  test("failed log-ins do not write one audit event each; ip and request id in the trail are validated", async ({ page }) => {
    const started = new Date().toISOString();
    for (let i = 0; i < 4; i++) await loginAttempt(base(), "nobody-audit@example.com", "guess", "127.0.0.5");
    await loginAs(page, "ADMIN");
    const settings = await (await page.request.get("/api/v1/settings")).json();
    const put = await page.request.put("/api/v1/settings", {
      data: settings,
      headers: { "x-request-id": '=HYPERLINK("http://evil.example")', "x-forwarded-for": "=cmd|' /C calc'!A0" },
    });
    expect(put.status()).toBe(200);
    const requestId = put.headers()["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const trail = await (await page.request.get(`/api/v1/audit?from=${encodeURIComponent(started)}&pageSize=500`)).json();
    const actions = trail.items.map((e: { action: string }) => e.action);
    expect(actions).not.toContain("auth.login_failed");
    expect(actions.filter((a: string) => a === "auth.login_failures").length).toBeLessThanOrEqual(1);
    const change = trail.items.find((e: { action: string; requestId: string }) => e.action === "settings.updated" && e.requestId === requestId);
    expect(change.ip).toBe("127.0.0.1");
    const kept = await page.request.put("/api/v1/settings", { data: settings, headers: { "x-request-id": "client-id_1.2" } });
    expect(kept.headers()["x-request-id"]).toBe("client-id_1.2");
  });
});
