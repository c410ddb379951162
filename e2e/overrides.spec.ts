import { test, expect, expectAccessible } from "./fixtures";
import { freeBorrower } from "./data";
import { InboxPage } from "./pages/inbox";
const REASON = "Customer asked for a much higher line";

test.describe("override guardrails", () => {
  test("ceiling refused, overrides name their rules, need a reason and an ADMIN approver; the report counts them", async ({ analystPage, managerPage, manager2Page, adminPage }) => {
    const [analyst, manager, manager2, admin] = [analystPage, managerPage, manager2Page, adminPage].map((p) => p.request);
    const byProposer = async () =>
      ((await (await analyst.get("/api/v1/overrides")).json()).byProposer as Array<{ key: string; overrides: number }>).find((g) => g.key === "analyst@example.com")?.overrides ?? 0;
    const overridesBefore = await byProposer();
    const b = await freeBorrower(analyst, { from: 2, target: () => 1_500_000, override: true });
    const ceiling = await analyst.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: 5_000_000, reason: REASON } });
    expect(ceiling.status()).toBe(400);
    expect((await ceiling.json()).issues).toEqual([{ field: "body.newLimit", message: expect.stringContaining("NT$2,000,000") }]);
    const bare = await analyst.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: b.newLimit, reason: REASON } });
    expect(bare.status()).toBe(400);
    const bareBody = await bare.json();
    expect(bareBody.override.rules.map((r: { code: string }) => r.code)).toEqual(b.check.rules.map((r: { code: string }) => r.code));
    const badReason = await analyst.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: b.newLimit, reason: REASON, override: { reason: "BECAUSE", text: "ten chars at least" } } });
    expect((await badReason.json()).issues.map((i: { field: string }) => i.field)).toEqual(["body.override.reason"]);
    const created = await analyst.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: b.newLimit, reason: REASON, override: { reason: "VERIFIED_INCOME", text: "Income verified with tax returns" } } });
    expect(created.status()).toBe(201);
    const adj = await created.json();
    expect(adj).toMatchObject({ requiredApprovals: 2, override: { reason: "VERIFIED_INCOME", needsAdmin: true } });

    expect((await manager.post(`/api/v1/adjustments/${adj.id}/approve`, { data: {} })).status()).toBe(200);
    const refused = await manager2.post(`/api/v1/adjustments/${adj.id}/approve`, { data: {} });
    expect(refused.status()).toBe(403);
    const approved = await admin.post(`/api/v1/adjustments/${adj.id}/approve`, { data: {} });
    expect((await approved.json()).adjustment.status).toBe("APPROVED");

    // This test's one override, exactly.
    expect(await byProposer()).toBe(overridesBefore + 1);
    const csv = await analyst.get("/api/v1/overrides?format=csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\n")[0]).toBe("dimension,key,proposals,overrides,overrideRate,approved,rejected,pending,outcomesKnown,defaulted,badRate");
  });

  test("the borrower form names the broken rules and asks for the override reason; the inbox hides Approve from a second MANAGER", async ({ analystPage: page, managerPage, manager2Page: m2 }) => {
    const analyst = page.request;
    const b = await freeBorrower(analyst, { from: 400, target: () => 1_200_000, override: true });
    await page.goto(`/borrowers/${b.id}`);
    await page.getByLabel("New limit (NT$ thousands)").fill("1200");
    const box = page.getByRole("group", { name: "Override of the active policy" });
    await expect(box).toBeVisible();
    await expect(box.getByRole("list", { name: "Rules this proposal breaks" }).getByRole("listitem")).toHaveCount(b.check.rules.length);
    await page.getByLabel("Reason (shown to the approver)").fill(REASON);
    await page.getByRole("button", { name: "Propose limit change" }).click();
    await expect(page.getByText("Choose the reason for this override.")).toBeVisible();
    await page.getByLabel("Override reason").selectOption("RELATIONSHIP");
    await page.getByLabel("Why the policy should not apply (10–500 characters)").fill("Twenty years with the bank, mortgage in good standing");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Propose limit change" }).click();
    await expect(box).toBeHidden();
    const pending = (await (await analyst.get(`/api/v1/adjustments?borrowerId=${b.id}&status=PENDING`)).json()).items;
    expect(pending).toHaveLength(1);
    expect(pending[0].override.reason).toBe("RELATIONSHIP");

    expect((await managerPage.request.post(`/api/v1/adjustments/${pending[0].id}/approve`, { data: {} })).status()).toBe(200);
    const inbox = new InboxPage(m2);
    await inbox.goto(`borrowerId=${b.id}`);
    const row = inbox.row(pending[0].id);
    await expect(row.getByText("Override: the remaining approval must come from an ADMIN")).toBeVisible();
    await expect(row.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  });
});
