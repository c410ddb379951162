// Layout as felt (issue 11 §7): no layout shift (CLS < 0.1, measured in the page with a
// PerformanceObserver from before the first paint until the page has settled) and, on a phone
// (390 px), no horizontal overflow.
import { test, expect, loginAs } from "./fixtures";
import type { Page } from "@playwright/test";

const PAGES = ["/", "/borrowers", "/borrowers/2", "/policies", "/inbox", "/model", "/overrides"];

/** Installs the observer before any page script runs; read with `cls(page)`. */
async function observeLayoutShift(page: Page) {
  await page.addInitScript(() => {
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node | null }> };
    const w = window as unknown as { __cls: number; __shifts: string[] };
    w.__cls = 0;
    w.__shifts = [];
    // Which elements moved, so a failure names them (a shift has no stack trace).
    const describe = (n?: Node | null) => (n instanceof Element ? `${n.tagName.toLowerCase()}.${n.className}`.slice(0, 80) + ` "${(n.textContent ?? "").trim().slice(0, 40)}"` : String(n?.nodeName));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Shift[]) {
        if (e.hadRecentInput) continue;
        w.__cls += e.value;
        w.__shifts.push(`${e.value.toFixed(4)} ${(e.sources ?? []).map((x) => describe(x.node)).join(" | ")}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(800); // late data, fonts and charts
}

test.describe("layout", () => {
  // Lighthouse's desktop screen: more of each page is above the fold, so more of what moves counts.
  test.use({ viewport: { width: 1350, height: 940 } });
  // A manager decides, an analyst also sees the policy-run card: the two layouts differ.
  for (const role of ["MANAGER", "ANALYST"] as const)
  test(`cumulative layout shift stays below 0.1 on every desk page (${role})`, async ({ page }) => {
    test.setTimeout(180_000);
    await observeLayoutShift(page);
    await loginAs(page, role);
    const figures: Record<string, number> = {};
    for (const path of PAGES) {
      await page.goto(path);
      await settle(page);
      const { cls, shifts } = await page.evaluate(() => {
        const w = window as unknown as { __cls: number; __shifts: string[] };
        return { cls: w.__cls, shifts: w.__shifts };
      });
      figures[path] = cls;
      if (cls >= 0.05) console.log(`${path} shifts:\n  ${shifts.join("\n  ")}`);
    }
    console.log(`CLS per page (${role}): ${JSON.stringify(figures)}`);
    for (const [path, cls] of Object.entries(figures)) expect(cls, path).toBeLessThan(0.1);
  });

  test("no horizontal overflow at 390 px", async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginAs(page, "MANAGER");
    const widths: Record<string, number> = {};
    for (const path of PAGES) {
      await page.goto(path);
      await settle(page);
      widths[path] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    console.log(`scrollWidth at 390 px: ${JSON.stringify(widths)}`);
    for (const [path, width] of Object.entries(widths)) expect(width, path).toBeLessThanOrEqual(390);
  });
});
