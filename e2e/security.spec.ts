// Issue 9, replayed over real HTTP against the production build: §7 (generated fuzz over every
// route: no 5xx, nothing changed), §6 closed lists, §11 Idempotency-Key, §12 route order, §13
// protected attributes, §9 CSV export.
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, loginAs, expectAccessible } from "./fixtures";
import { fuzzCases, type Operation } from "./fuzz-inputs";

type Doc = { paths: Record<string, Record<string, Operation>> };
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/** What a request that changed anything would leave behind: the audit head, and row counts. */
async function snapshot(api: APIRequestContext) {
  const get = async (url: string) => {
    const res = await api.get(url);
    expect(res.status(), url).toBe(200);
    return res.json();
  };
  const audit = await get("/api/v1/audit?pageSize=1");
  return {
    auditTotal: audit.total,
    auditHead: audit.items[0]?.hash ?? null,
    adjustments: (await get("/api/v1/adjustments?pageSize=1")).total,
    policies: (await get("/api/v1/policies")).items.map((p: { id: string; status: string; name: string }) => `${p.id}:${p.status}:${p.name}`),
    appeals: (await get("/api/v1/appeals")).items.map((a: { id: string; status: string }) => `${a.id}:${a.status}`),
    tokens: (await get("/api/v1/tokens")).items.map((t: { id: string; revokedAt: string | null }) => `${t.id}:${t.revokedAt}`),
    feed: (await get("/api/v1/limit-changes?limit=1000")).items.length,
    settings: await get("/api/v1/settings"),
  };
}

async function signedIn(browser: import("@playwright/test").Browser, role: "ANALYST" | "MANAGER" | "ADMIN" | "AUDITOR"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, role);
  return page;
}

test.describe.configure({ mode: "serial" });

test("generated invalid input on every route: never a 5xx, always a 4xx, nothing changed", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const admin = await signedIn(browser, "ADMIN");
  const doc = (await (await admin.request.get("/api/v1/openapi.json")).json()) as Doc;
  const before = await snapshot(admin.request);
  let requests = 0;
  const fuzzed: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const cases = fuzzCases(path, op);
      if (!cases) continue;
      fuzzed.push(`${method} ${path}`);
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          requests++;
          const res = await admin.request.fetch(c.path, {
            method,
            headers: { "content-type": "application/json", origin: baseURL ?? "" },
            ...(method !== "get" && c.body !== undefined ? { data: c.body } : {}),
          });
          const status = res.status();
          if (status < 400 || status >= 500) {
            throw new Error(`${method.toUpperCase()} ${c.path} (${c.note}) body=${c.body?.slice(0, 200)} → ${status}: ${(await res.text()).slice(0, 300)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
  }
  console.log(`fuzz: ${requests} requests over ${fuzzed.length} operations (${RUNS} runs each, seed ${SEED})`);
  expect(fuzzed.length).toBeGreaterThanOrEqual(20);
  expect(await snapshot(admin.request)).toEqual(before);
});

test("closed lists, int32 bounds and text checks answer 400; the inbox and borrower page still load", async ({ browser, baseURL }) => {
  const analyst = await signedIn(browser, "ANALYST");
  const post = (data: object) => analyst.request.post("/api/v1/adjustments", { data, headers: { origin: baseURL ?? "" } });
  const base = { borrowerId: 1, newLimit: 50_000, reason: "Customer request reviewed with income proof" };
  for (const code of ["__proto__", "toString", "hasOwnProperty", "valueOf"]) {
    const res = await post({ ...base, reasonCodes: [code] });
    expect(res.status(), code).toBe(400);
    expect((await res.json()).issues[0].field).toBe("body.reasonCodes.0");
  }
  for (const bad of [{ borrowerId: 2 ** 31 }, { reason: "Customer request\u0000 reviewed" }, { reason: "Customer request \uD800 reviewed" }]) {
    const res = await post({ ...base, ...bad });
    expect(res.status(), JSON.stringify(bad)).toBe(400);
  }
  for (const url of ["/inbox", "/borrowers/1"]) expect((await analyst.goto(url))?.status(), url).toBe(200);
});

test("route order: no session → 401 with a request id on every explicit sub-action; unknown ones are 404", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL });
  for (const path of ["/api/v1/policies/x/approve", "/api/v1/policies/x/run", "/api/v1/adjustments/x/reject"]) {
    const res = await anon.post(path, { data: {} });
    expect(res.status(), path).toBe(401);
    expect((await res.json()).requestId, path).toBeTruthy();
  }
  for (const path of ["/api/v1/policies/x/bogus", "/api/v1/adjustments/x/bogus"]) {
    expect((await anon.post(path, { data: {} })).status(), path).toBe(404);
  }
  // Percent-encoding that is not UTF-8 used to be a plain-text 500 from Next's router.
  for (const path of ["/api/v1/borrowers/%ED%A0%80", "/api/v1/adjustments/%FF/approve"]) {
    const res = await anon.fetch(path, { method: path.endsWith("approve") ? "POST" : "GET" });
    expect(res.status(), path).toBe(400);
    expect((await res.json()).requestId, path).toBeTruthy();
  }
});

test("Idempotency-Key on a policy draft: same key + body → the first answer; other body → 422", async ({ browser, baseURL }) => {
  const analyst = await signedIn(browser, "ANALYST");
  const policies = async () => (await (await analyst.request.get("/api/v1/policies")).json()).items.length;
  const active = (await (await analyst.request.get("/api/v1/policies")).json()).items.find((p: { status: string }) => p.status === "ACTIVE");
  const send = (name: string) =>
    analyst.request.post("/api/v1/policies", { data: { name, basedOnId: active.id }, headers: { origin: baseURL ?? "", "idempotency-key": "e2e-idem-1" } });
  const count = await policies();
  const first = await send("Idempotent copy");
  const again = await send("Idempotent copy");
  expect([first.status(), again.status(), again.headers()["idempotent-replayed"]]).toEqual([201, 201, "true"]);
  expect((await again.json()).id).toBe((await first.json()).id);
  expect(await policies()).toBe(count + 1);
  expect((await send("Another body")).status()).toBe(422);
  expect(await policies()).toBe(count + 1);
});

test("protected attributes: per borrower for ADMIN and AUDITOR only, never in the CSV", async ({ browser }) => {
  for (const [role, shown] of [["ANALYST", false], ["MANAGER", false], ["AUDITOR", true], ["ADMIN", true]] as const) {
    const page = await signedIn(browser, role);
    const one = await (await page.request.get("/api/v1/borrowers/1")).json();
    expect(one.protectedAttributes ?? null, role).toEqual(shown ? { sex: 2, education: 2, marriage: 1, age: 24 } : null);
    const csv = await (await page.request.get("/api/v1/borrowers?format=csv&q=1")).text();
    expect(csv.split("\n")[0], role).toBe("id,month,score,pd,tier,previousTier,tierChangeCause,limit,balance,utilization,availableCredit");
  }
});

test("the borrower page shows the protected attributes to an auditor only, accessibly", async ({ browser }) => {
  const auditor = await signedIn(browser, "AUDITOR");
  await auditor.goto("/borrowers/1");
  await expect(auditor.getByRole("heading", { name: "Protected attributes" })).toBeVisible();
  await expectAccessible(auditor);
  const analyst = await signedIn(browser, "ANALYST");
  await analyst.goto("/borrowers/1");
  await expect(analyst.getByRole("heading", { name: "Borrower 1", level: 1 })).toBeVisible();
  await expect(analyst.getByRole("heading", { name: "Protected attributes" })).toHaveCount(0);
});

test("the audit CSV export has no cell a spreadsheet would run as a formula", async ({ browser }) => {
  const admin = await signedIn(browser, "ADMIN");
  const res = await admin.request.get("/api/v1/audit?format=csv");
  expect(res.status()).toBe(200);
  const rows: string[][] = parse(await res.text(), { relax_quotes: true });
  expect(rows.length).toBeGreaterThan(5);
  expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
});
