import { test, expect, loginAs, PASSWORD } from "./fixtures";

// Issue 9 item 5: /login?callbackUrl=/%09/evil.example landed on http://evil.example (signed in
// already, and after signing in); %0d too; %0a, %0d and non-ASCII answered 500.
const TRICKS = ["/%09/evil.example", "/%0d/evil.example", "/%0a/evil.example", "/%5C/evil.example", "//evil.example", "/%E2%80%AE/evil", "/%C3%A9v%C3%AFl", "https://evil.example"];

test.describe("post-login redirect", () => {
  test("the log-in page answers every trick without a 500", async ({ request }) => {
    for (const t of TRICKS) expect((await request.get(`/login?callbackUrl=${t}`)).status(), t).toBe(200);
  });

  test("a signed-in visitor is sent to a same-origin path only", async ({ page }) => {
    await loginAs(page, "ANALYST");
    for (const t of TRICKS) {
      const res = await page.request.get(`/login?callbackUrl=${t}`, { maxRedirects: 0 });
      expect(res.status(), t).toBe(307);
      const location = res.headers()["location"];
      expect(new URL(location, "http://x.test").origin, `${t} → ${location}`).toBe("http://x.test");
      expect(location, t).toMatch(/^\/[\x21-\x7e]*$/);
      expect(location.startsWith("//")).toBe(false);
    }
    const fine = await page.request.get(`/login?callbackUrl=${encodeURIComponent("/borrowers?tier=HIGH")}`, { maxRedirects: 0 });
    expect(fine.headers()["location"]).toBe("/borrowers?tier=HIGH");
  });

  test("signing in through the form with a tab trick stays on the app", async ({ page }) => {
    await page.goto("/login?callbackUrl=/%09/evil.example");
    await page.getByLabel("Email").fill("analyst@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(test.info().project.use.baseURL!).origin);
  });
});
