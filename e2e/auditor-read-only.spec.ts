import { test, expect, loginAs } from "./fixtures";

// The auditor reads everything and can change nothing: every write endpoint answers 403 before
// it looks at the body or the entity, and the pages show no write controls. The list of write
// endpoints is the API's own OpenAPI document (assembled from the routes' specs), not a copy.
type Doc = { paths: Record<string, Record<string, { "x-writes"?: boolean }>> };

test("an auditor cannot reach anything that writes", async ({ page, baseURL }) => {
  await loginAs(page, "AUDITOR");
  const doc = (await (await page.request.get("/api/v1/openapi.json")).json()) as Doc;
  const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).filter(([, op]) => op["x-writes"]).map(([method]) => [method, path.replace(/\{[^}]+\}/g, "any-id")] as const),
  );
  expect(writes.length).toBeGreaterThanOrEqual(16);
  for (const [method, path] of writes) {
    const res = await page.request.fetch(path, { method, data: { junk: true }, headers: { origin: baseURL ?? "" } });
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
