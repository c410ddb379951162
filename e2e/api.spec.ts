import { test, expect, loginAs } from "./fixtures";

// The JSON API over real HTTP against the production server and the seeded real portfolio.
test.describe("JSON API", () => {
  test("answers 401 with a JSON message when there is no session", async ({ request }) => {
    for (const path of ["/api/v1/borrowers", "/api/v1/borrowers/1", "/api/v1/model", "/api/v1/monitoring", "/api/v1/openapi.json", "/api/v1/borrowers?minScore=abc"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
      expect((await res.json()).message).toMatch(/sign in/i);
    }
  });

  test("lists, filters, sorts and pages borrowers of the latest month", async ({ page }) => {
    await loginAs(page, "ANALYST");
    const all = await (await page.request.get("/api/v1/borrowers?pageSize=5")).json();
    expect(all.total).toBe(30000);
    expect(all.items).toHaveLength(5);
    expect(all.items[0]).toEqual(
      expect.objectContaining({ id: 1, month: "2005-09", limit: 20000, tier: expect.stringMatching(/LOW|MEDIUM|HIGH/) }),
    );
    const high = await (await page.request.get("/api/v1/borrowers?tier=HIGH&sort=score&order=desc&pageSize=50&page=2")).json();
    expect(high.page).toBe(2);
    expect(high.items.every((b: { tier: string }) => b.tier === "HIGH")).toBe(true);
    const scores = high.items.map((b: { score: number }) => b.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ranged = await (await page.request.get("/api/v1/borrowers?minScore=600&maxScore=650&minUtil=0.5&maxUtil=0.9")).json();
    for (const b of ranged.items) {
      expect(b.score).toBeGreaterThanOrEqual(600);
      expect(b.score).toBeLessThanOrEqual(650);
      expect(b.utilization).toBeGreaterThanOrEqual(0.5);
      expect(b.utilization).toBeLessThanOrEqual(0.9);
    }
    const one = await (await page.request.get("/api/v1/borrowers?q=24001")).json();
    expect(one.total).toBe(1);
    expect(one.items[0].id).toBe(24001);
    const up = await (await page.request.get("/api/v1/borrowers?changed=up&pageSize=200")).json();
    expect(up.total).toBeGreaterThan(0);
    expect(up.items.every((b: { tier: string; previousTier: string }) => b.tier !== b.previousTier)).toBe(true);
  });

  test("rejects bad query parameters with 400 naming each one", async ({ page }) => {
    await loginAs(page, "AUDITOR");
    const res = await page.request.get("/api/v1/borrowers?minScore=abc&tier=SUPER&pageSize=0&bogus=1");
    expect(res.status()).toBe(400);
    const body = await res.json();
    const fields = body.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["minScore", "tier", "pageSize"]));
    expect(body.message).toMatch(/minScore/);
    const swapped = await page.request.get("/api/v1/borrowers?minScore=700&maxScore=600");
    expect(swapped.status()).toBe(400);
    expect((await swapped.json()).issues[0].field).toBe("minScore");
  });

  test("returns a borrower's history and reason codes, 400 for a bad id and 404 for an unknown one", async ({ page }) => {
    await loginAs(page, "MANAGER");
    const b = await (await page.request.get("/api/v1/borrowers/1")).json();
    expect(b).toEqual(expect.objectContaining({ id: 1, limit: 20000, outcome: 1 }));
    expect(b.history.map((h: { month: string }) => h.month)).toEqual(["2005-04", "2005-05", "2005-06", "2005-07", "2005-08", "2005-09"]);
    expect(b.history[5]).toEqual(expect.objectContaining({ repaymentStatus: 2, balance: 3913, payment: 0 }));
    expect(b.history[0].score).toBeNull();
    expect(b.history[5].score).toBeGreaterThanOrEqual(350);
    expect(b.reasonCodes.length).toBeGreaterThan(0);
    const model = await (await page.request.get("/api/v1/model")).json();
    expect(b.reasonCodes.length).toBeLessThanOrEqual(model.characteristics.length); // every losing characteristic is listed, none twice
    expect(new Set(b.reasonCodes.map((r: { code: string }) => r.code)).size).toBe(b.reasonCodes.length);
    expect((await page.request.get("/api/v1/borrowers/abc")).status()).toBe(400);
    expect((await page.request.get("/api/v1/borrowers/30001")).status()).toBe(404);
  });

  test("exports the filtered set as CSV with all pages", async ({ page }) => {
    await loginAs(page, "ANALYST");
    const res = await page.request.get("/api/v1/borrowers?tier=HIGH&format=csv&pageSize=10");
    expect(res.headers()["content-type"]).toContain("text/csv");
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toBe("id,month,score,pd,tier,previousTier,tierChangeCause,limit,balance,utilization,availableCredit");
    const json = await (await page.request.get("/api/v1/borrowers?tier=HIGH&pageSize=1")).json();
    expect(lines.length - 1).toBe(json.total);
  });

  test("serves the model's holdout metrics and an OpenAPI document", async ({ page }) => {
    await loginAs(page, "AUDITOR");
    const model = await (await page.request.get("/api/v1/model")).json();
    expect(model.holdout.n).toBe(6000);
    expect(model.holdout.auc).toBeGreaterThanOrEqual(0.75);
    expect(model.holdout.ks).toBeGreaterThanOrEqual(0.4);
    expect(model.characteristics.length).toBeGreaterThan(3);
    const doc = await (await page.request.get("/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/borrowers", "/api/v1/borrowers/{id}", "/api/v1/model", "/api/v1/monitoring"]));
  });

  test("serves CV beside the holdout, calibration, the challenger and the stored monitoring reports", async ({ page }) => {
    await loginAs(page, "AUDITOR");
    const model = await (await page.request.get("/api/v1/model")).json();
    expect(model.cv.auc.mean).toBeGreaterThan(0.75);
    expect(model.cv.auc.sd).toBeGreaterThan(0);
    expect(model.cv.ks.mean).toBeGreaterThan(0.4);
    expect(model.calibration.reliability.holdout.bands).toHaveLength(10);
    expect(model.challenger.cv.auc.mean).toBeGreaterThan(0.75);
    const sep = await page.request.get("/api/v1/monitoring?month=2005-09&reference=2005-06");
    expect(sep.status()).toBe(200);
    const r = await sep.json();
    expect(r).toMatchObject({ month: "2005-09", reference: "2005-06", n: 30000, performance: { status: "known" } });
    expect(r.csi.length).toBe(model.characteristics.length);
    const jul = await (await page.request.get("/api/v1/monitoring?month=2005-07")).json();
    expect(jul.performance).toEqual({ status: "outcome not yet known" });
    expect((await page.request.get("/api/v1/monitoring?month=2005-13")).status()).toBe(400);
    expect((await page.request.get("/api/v1/monitoring?month=2004-01")).status()).toBe(404);
  });
});
