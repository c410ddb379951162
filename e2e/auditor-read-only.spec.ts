import { test, expect, loginAs } from "./fixtures";

// The auditor reads everything and can change nothing: every write endpoint answers 403 before
// it looks at the body or the entity, and the pages show no write controls.
const WRITES: Array<[method: "post" | "put", path: string]> = [
  ["post", "/api/v1/policies"],
  ["put", "/api/v1/policies/any-id"],
  ["post", "/api/v1/policies/any-id/submit"],
  ["post", "/api/v1/policies/any-id/approve"],
  ["post", "/api/v1/policies/any-id/reject"],
  ["post", "/api/v1/policies/any-id/activate"],
  ["post", "/api/v1/policies/any-id/run"],
  ["post", "/api/v1/adjustments"],
  ["post", "/api/v1/adjustments/any-id/approve"],
  ["post", "/api/v1/adjustments/any-id/reject"],
  ["post", "/api/v1/adjustments/bulk"],
  ["post", "/api/v1/appeals"],
  ["post", "/api/v1/appeals/any-id/decide"],
  ["post", "/api/v1/tokens"],
  ["post", "/api/v1/tokens/any-id/revoke"],
  ["put", "/api/v1/settings"],
];

test("an auditor cannot reach anything that writes", async ({ page }) => {
  await loginAs(page, "AUDITOR");
  for (const [method, path] of WRITES) {
    const res = await page.request[method](path, { data: { junk: true } });
    expect(res.status(), `${method.toUpperCase()} ${path}`).toBe(403);
  }
  await page.goto("/policies");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const name of [/new draft/i, /^submit/i, /^approve/i, /^activate/i, /save/i]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const name of [/run active policy/i, /^approve/i, /^reject/i]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
});
