import { createServer } from "node:http";
import { test, expect, loginAs } from "./fixtures";

// Issue 9 item 4: a page on another port of the same host (same-site, so SameSite=Lax sends the
// session cookie) tried to make a signed-in manager approve adjustments. Order of checks:
// 401 session → 403 permission → 403 foreign Origin → 415 not JSON → 400 input → 404.
const BULK = "/api/v1/adjustments/bulk";
const EVIL_PORT = Number(process.env.E2E_EVIL_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 1);
const body = JSON.stringify({ ids: ["no-such-adjustment"], decision: "approve" });

test.describe("cross-site request forgery", () => {
  test("a same-site page on another port cannot post with the manager's cookie (form and fetch no-cors)", async ({ page }) => {
    await loginAs(page, "MANAGER", undefined, { origin: false });
    const target = new URL(BULK, test.info().project.use.baseURL!).toString();
    // The attacker's page, served for real from another port of the same host.
    const html = `<!doctype html><form id="f" method="POST" action="${target}" enctype="text/plain"><input name='${body.slice(0, -1)},"x":"' value='"}'></form>
      <script>fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(body)} });</script>`;
    const evil = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    await new Promise<void>((resolve) => evil.listen(EVIL_PORT, "127.0.0.1", resolve));
    try {
      const fetched = page.waitForResponse((r) => r.url() === target && r.request().resourceType() === "fetch");
      await page.goto(`http://127.0.0.1:${EVIL_PORT}/attack`);
      expect((await fetched).status()).toBe(403);
      const submitted = page.waitForResponse((r) => r.url() === target && r.request().resourceType() === "document");
      await page.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit());
      const form = await submitted;
      expect(form.status()).toBe(403);
      expect(await form.text()).toMatch(/Cross-site request refused/);
    } finally {
      await new Promise((resolve) => evil.close(resolve));
    }
  });

  test("with the session cookie: foreign or missing Origin → 403, text/plain → 415, own origin + JSON → through", async ({ page, playwright }) => {
    await loginAs(page, "MANAGER", undefined, { origin: false });
    const baseURL = test.info().project.use.baseURL!;
    const own = new URL(baseURL).origin;
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });
    const post = (headers: Record<string, string>) => api.post(BULK, { headers, data: body });
    expect((await post({ "content-type": "application/json", origin: "http://127.0.0.1:1" })).status()).toBe(403);
    expect((await post({ "content-type": "application/json" })).status()).toBe(403); // neither Origin nor Referer
    expect((await post({ "content-type": "application/json", referer: "http://evil.example/x" })).status()).toBe(403);
    expect((await post({ "content-type": "text/plain", origin: own })).status()).toBe(415);
    expect((await post({ "content-type": "application/x-www-form-urlencoded", origin: own })).status()).toBe(415);
    expect((await post({ "content-type": "application/json", referer: `${own}/inbox` })).status()).toBe(200);
    const ok = await post({ "content-type": "application/json", origin: own });
    expect(ok.status()).toBe(200);
    // Input is still checked after the CSRF rules: a bad body is 400, not parsed text.
    expect((await api.post(BULK, { headers: { "content-type": "application/json", origin: own }, data: "{not json" })).status()).toBe(400);
    await api.dispose();
  });

  test("keeps 401 before everything: no session, foreign origin, text/plain", async ({ request }) => {
    const res = await request.post(BULK, { headers: { "content-type": "text/plain", origin: "http://evil.example" }, data: body });
    expect(res.status()).toBe(401);
  });
});
