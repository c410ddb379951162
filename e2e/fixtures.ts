import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/features/users/demo-users";

export type Role = "ANALYST" | "MANAGER" | "ADMIN" | "AUDITOR";

/** The first demo user of each role (features/users/demo-users.ts is the one list). */
export const USERS = Object.fromEntries(
  (["ANALYST", "MANAGER", "ADMIN", "AUDITOR"] as const).map((role) => [role, DEMO_USERS.find((u) => u.role === role)!.email]),
) as Record<Role, string>;
export const PASSWORD = process.env.DEMO_PASSWORD ?? "limitdesk-demo";

/**
 * Logs in through next-auth's own CSRF + credentials flow; the cookie lands in the page's context.
 * Writes with the session cookie need the app's own Origin (CSRF rule, lib/api/request-guards.ts):
 * browsers send it themselves, so the context's API requests (`page.request`) get it too, unless
 * a test replays a cross-site request and asks for `{ origin: false }`.
 */
export async function loginAs(page: Page, role: Role | string, email = USERS[role as Role], options: { origin?: boolean } = {}) {
  if (options.origin !== false) {
    const baseURL = base.info().project.use.baseURL;
    if (baseURL) await page.context().setExtraHTTPHeaders({ origin: new URL(baseURL).origin });
  }
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, json: "true" },
  });
  expect(res.ok()).toBeTruthy();
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
}

/**
 * `count` borrowers from id `from` upward that have no PENDING adjustment, with their current limit.
 * The e2e database is shared by every spec and a policy run (adjustments.spec) proposes a change
 * for every borrower whose limit the active policy would move, so a fixed id may already have one.
 */
export async function borrowersWithoutPending(api: APIRequestContext, from: number, count: number) {
  const found: Array<{ id: number; currentLimit: number }> = [];
  for (let id = from; found.length < count && id <= 30_000; id++) {
    const res = await api.get(`/api/v1/borrowers/${id}`);
    expect(res.status(), await res.text()).toBe(200);
    const b = await res.json();
    if (b.pendingAdjustment == null) found.push({ id, currentLimit: b.currentLimit });
  }
  expect(found).toHaveLength(count);
  return found;
}

/** axe-core: no serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`)).toEqual([]);
}

/** A signed-in page in its own browser context: each user has their own session cookie. */
export async function pageAs(browser: Browser, role: Role, email?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base.info().project.use.baseURL });
  const page = await context.newPage();
  await loginAs(page, role, email);
  return page;
}

/**
 * One fixture per demo user: a signed-in page of its own (own context, own cookie), closed after
 * the test. `analystPage` is analyst@…, `analyst2Page` analyst2@…, and so on.
 */
type RolePages = {
  analystPage: Page;
  analyst2Page: Page;
  managerPage: Page;
  manager2Page: Page;
  adminPage: Page;
  auditorPage: Page;
};

const rolePage = (role: Role, email?: string) =>
  async ({ browser }: { browser: Browser }, use: (page: Page) => Promise<void>) => {
    const page = await pageAs(browser, role, email);
    await use(page);
    await page.context().close();
  };

export const test = base.extend<{ loginAs: (role: Role) => Promise<void> } & RolePages>({
  loginAs: async ({ page }, use) => {
    await use((role) => loginAs(page, role));
  },
  analystPage: rolePage("ANALYST"),
  analyst2Page: rolePage("ANALYST", "analyst2@example.com"),
  managerPage: rolePage("MANAGER"),
  manager2Page: rolePage("MANAGER", "manager2@example.com"),
  adminPage: rolePage("ADMIN"),
  auditorPage: rolePage("AUDITOR"),
});
export { expect };
