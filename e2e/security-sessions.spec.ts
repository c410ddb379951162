import { statSync } from "node:fs";
import { encode } from "next-auth/jwt";
import { test, expect, loginAs } from "./fixtures";

// Issue 9 item 1: an auditor forged an ADMIN session with the published demo secret and created
// an API token; and a signed-out session cookie still worked.
const COOKIE = "next-auth.session-token";

test.describe("sessions", () => {
  test("a session signed with the published demo secret is refused", async ({ page, playwright }) => {
    await loginAs(page, "ADMIN");
    const admin = (await (await page.request.get("/api/auth/session")).json()).user;
    const baseURL = test.info().project.use.baseURL!;
    for (const secret of ["limitdesk-demo-secret-do-not-use-in-production", "any-other-guessable-secret"]) {
      const forged = await encode({ secret, token: { sub: admin.id, uid: admin.id, sv: 0, role: "ADMIN", email: admin.email, name: admin.name } });
      const attacker = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${COOKIE}=${forged}`, origin: new URL(baseURL).origin } });
      expect((await attacker.post("/api/v1/tokens", { data: { name: "forged-token" } })).status()).toBe(401);
      expect((await (await attacker.get("/api/auth/session")).json())?.user).toBeUndefined();
      await attacker.dispose();
    }
  });

  test("the installation's secret is in the data folder, readable by its owner only", async () => {
    expect(statSync(".data/auth-secret").mode & 0o777).toBe(0o600);
  });

  test("signing out revokes the session: the old cookie gets 401", async ({ page, playwright }) => {
    await loginAs(page, "AUDITOR");
    const baseURL = test.info().project.use.baseURL!;
    const old = (await page.context().cookies()).find((c) => c.name === COOKIE)!;
    expect((await page.request.get("/api/v1/overview")).status()).toBe(200);
    const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
    expect((await page.request.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).ok()).toBeTruthy();
    const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${COOKIE}=${old.value}` } });
    expect((await replay.get("/api/v1/overview")).status()).toBe(401);
    expect((await (await replay.get("/api/auth/session")).json())?.user).toBeUndefined();
    const pageRes = await replay.get("/", { maxRedirects: 0 });
    expect(pageRes.status()).toBe(307);
    expect(pageRes.headers()["location"]).toMatch(/\/login/);
    await replay.dispose();
  });
});
