import { test, expect, loginAs } from "./fixtures";

// Runs last (files run in name order on one worker): the trail written by the whole e2e run verifies.
test("the audit hash chain is intact after the whole e2e run", async ({ page }) => {
  await loginAs(page, "AUDITOR");
  const result = await (await page.request.get("/api/v1/audit/verify")).json();
  expect(result.broken).toBeNull();
  expect(result.checked).toBeGreaterThan(20);
});
