import { test, expect } from "./fixtures";
import { freeBorrower } from "./data";

test.describe("limit adjustments API", () => {
  test("enforces maker-checker over HTTP: analyst and auditor cannot decide, the proposer cannot approve", async ({ analystPage, auditorPage, managerPage }) => {
    const [analyst, auditor, manager] = [analystPage.request, auditorPage.request, managerPage.request];
    const b = await freeBorrower(analyst, { from: 29_900, target: (x) => x.currentLimit + 10_000 });
    const bad = await analyst.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: 123, reason: "short" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).issues.map((i: { field: string }) => i.field).sort()).toEqual(["body.newLimit", "body.newLimit", "body.reason"]);
    const created = await analyst.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: b.newLimit, reason: "Verified salary increase", reasonCodes: ["RC01"] } });
    expect(created.status()).toBe(201);
    const id = (await created.json()).id;
    const again = await analyst.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: b.newLimit + 10_000, reason: "Second attempt at a raise" } });
    expect(again.status()).toBe(409);
    expect((await again.json()).message).toContain(id);
    expect((await analyst.post(`/api/v1/adjustments/${id}/approve`, { data: {} })).status()).toBe(403);
    expect((await auditor.post(`/api/v1/adjustments/${id}/approve`, { data: {} })).status()).toBe(403);
    expect((await auditor.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: 1000, reason: "auditor tries" } })).status()).toBe(403);
    expect((await manager.post(`/api/v1/adjustments/${id}/reject`, { data: {} })).status()).toBe(400);
    const key = `e2e-${Date.now()}`;
    const first = await manager.post(`/api/v1/adjustments/${id}/approve`, { data: {}, headers: { "Idempotency-Key": key } });
    expect(first.status()).toBe(200);
    const retry = await manager.post(`/api/v1/adjustments/${id}/approve`, { data: {}, headers: { "Idempotency-Key": key } });
    expect(await retry.json()).toEqual(await first.json());
    expect((await manager.post(`/api/v1/adjustments/${id}/approve`, { data: {} })).status()).toBe(409);
    const detail = await (await manager.get(`/api/v1/adjustments/${id}`)).json();
    expect(detail).toMatchObject({ status: "APPROVED", approvals: 1 });
  });

  test("serves the limit-change feed to a scoped service token and nothing else", async ({ adminPage, analystPage, playwright, baseURL }) => {
    const [admin, analyst] = [adminPage.request, analystPage.request];
    const created = await admin.post("/api/v1/tokens", { data: { name: "core-banking-e2e" } });
    expect(created.status()).toBe(201);
    const { token, id } = await created.json();
    const service = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const page1 = await service.get("/api/v1/limit-changes?limit=1");
    expect(page1.status()).toBe(200);
    const feed = await page1.json();
    // The first test applied an increase at once, so the feed has at least that change: one per page.
    expect(feed.items).toHaveLength(1);
    const reread = await (await service.get("/api/v1/limit-changes?limit=1")).json();
    expect(reread.items.map((i: { id: string }) => i.id)).toEqual(feed.items.map((i: { id: string }) => i.id));
    expect((await service.get("/api/v1/borrowers")).status()).toBe(403);
    expect((await service.post("/api/v1/adjustments/x/approve", { data: {} })).status()).toBe(403);
    const listed = await (await admin.get("/api/v1/tokens")).json();
    expect(listed.items.find((t: { id: string }) => t.id === id).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await admin.post(`/api/v1/tokens/${id}/revoke`, { data: {} })).status()).toBe(200);
    expect((await service.get("/api/v1/limit-changes")).status()).toBe(401);
    expect((await analyst.post("/api/v1/tokens", { data: { name: "sneaky" } })).status()).toBe(403);
  });
});
