// Layout as felt (issue 11 §7): no layout shift (CLS < 0.1, measured in the page with a
// PerformanceObserver from before the first paint until the page has settled) and, on a phone
// (390 px), no horizontal overflow.
import { test, expect, loginAs } from "./fixtures";
import type { Page } from "@playwright/test";

const PAGES = ["/", "/borrowers", "/borrowers/2", "/policies", "/inbox", "/model", "/overrides"];

/** Installs the observer before any page script runs; read with `cls(page)`. */
async function observeLayoutShift(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(800); // late data, fonts and charts
}

test.describe("layout", () => {
  test("cumulative layout shift stays below 0.1 on every desk page", async ({ page }) => {
    test.setTimeout(180_000);
    await observeLayoutShift(page);
    await loginAs(page, "MANAGER");
    const figures: Record<string, number> = {};
    for (const path of PAGES) {
      await page.goto(path);
      await settle(page);
      figures[path] = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    }
    console.log(`CLS per page: ${JSON.stringify(figures)}`);
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
