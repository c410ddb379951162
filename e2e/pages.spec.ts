import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { test, expect, expectAccessible, type Role } from "./fixtures";

// The browser UI against the seeded real portfolio: what an analyst sees and clicks.

const ROLES: Role[] = ["ANALYST", "MANAGER", "ADMIN", "AUDITOR"];
const ROLE_LABEL: Record<Role, string> = { ANALYST: "Analyst", MANAGER: "Manager", ADMIN: "Admin", AUDITOR: "Auditor" };

const borrowersTable = (page: Page) => page.getByRole("table", { name: "Borrowers" });

const sortedParams = (query: string) => [...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).sort().join("&");

/**
 * Waits until the table shows the rows of the URL's query: while the next page loads the previous
 * rows stay on screen, and the table's data-query names the query its rows belong to.
 */
async function settledRows(page: Page): Promise<Locator> {
  const table = borrowersTable(page);
  await expect(async () => {
    const shown = await table.getAttribute("data-query");
    expect(shown !== null && sortedParams(shown) === sortedParams(new URL(page.url()).search)).toBe(true);
  }).toPass();
  await expect(table).toHaveAttribute("aria-busy", "false");
  return table.locator("tbody tr");
}

/** Text of column `index` (0 = ID) in every row. */
async function column(page: Page, index: number): Promise<string[]> {
  const rows = await settledRows(page);
  return rows.locator(`td:nth-child(${index + 1})`).allInnerTexts();
}

const num = (text: string) => Number(text.replace(/[^\d.-]/g, ""));

test.describe("pages", () => {
  for (const role of ROLES) {
    test(`${role} sees the overview with its charts`, async ({ page, loginAs }) => {
      await loginAs(role);
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText(ROLE_LABEL[role]);
      for (const name of ["Tier mix", "Score distribution", "Tiers by month", "Tier changes"]) {
        await expect(page.getByRole("heading", { name })).toBeVisible();
      }
      // A Recharts histogram and two HTML charts (tier mix, tiers by month), each a figure with a text
      // alternative; the histogram is drawn once it comes near the screen (components/deferred-chart.tsx).
      await page.getByRole("figure", { name: /^Score distribution/ }).scrollIntoViewIfNeeded();
      await expect(page.locator("figure .recharts-wrapper")).toHaveCount(1);
      await expect(page.locator('figure [data-chart="tier-mix"] li')).toHaveCount(3);
      await expect(page.locator('figure [data-chart="tiers-by-month"] > div')).toHaveCount(4);
      await expect(page.getByRole("figure", { name: /^Tier mix: Low risk [\d,]+/ })).toBeAttached();
      await expect(page.getByRole("link", { name: /riskier tier/i })).toHaveAttribute("href", "/borrowers?changed=up");
      if (role === "ANALYST") await expectAccessible(page);
    });
  }

  test("borrowers table filters, sorts, pages, searches and opens a borrower", async ({ page, loginAs }) => {
    await loginAs("ANALYST");
    await page.goto("/borrowers");
    await expect(page.getByRole("heading", { level: 1, name: "Borrowers" })).toBeVisible();
    await expect(await settledRows(page)).toHaveCount(50);
    await expectAccessible(page);

    // Filter: high-risk tier and a score range (both below any medium cut-off).
    await page.getByLabel("Tier", { exact: true }).selectOption("HIGH");
    await page.getByLabel("Min score").fill("450");
    await page.getByLabel("Max score").fill("540");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page).toHaveURL(/[?&]tier=HIGH(&|$)/);
    await expect(page).toHaveURL(/[?&]minScore=450(&|$)/);
    await expect(page).toHaveURL(/[?&]maxScore=540(&|$)/);
    expect(new Set(await column(page, 3))).toEqual(new Set(["High risk"]));
    for (const score of (await column(page, 1)).map(num)) {
      expect(score).toBeGreaterThanOrEqual(450);
      expect(score).toBeLessThanOrEqual(540);
    }

    // Sort by score: ascending, then descending on a second click.
    const scoreHeader = page.getByRole("columnheader", { name: /Score/ });
    await page.getByRole("button", { name: /^Score/ }).click();
    await expect(page).toHaveURL(/sort=score&order=asc/);
    await expect(scoreHeader).toHaveAttribute("aria-sort", "ascending");
    const asc = (await column(page, 1)).map(num);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.getByRole("button", { name: /^Score/ }).click();
    await expect(scoreHeader).toHaveAttribute("aria-sort", "descending");
    const desc = (await column(page, 1)).map(num);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));

    // Next page keeps filters and sort.
    const firstIdsPage1 = await column(page, 0);
    // Keyset paging: the page is a cursor in the URL; Previous comes back through the cursor stack.
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page).toHaveURL(/[?&]cursor=[A-Za-z0-9_-]+(&|$)/);
    await expect(page).toHaveURL(/tier=HIGH/);
    await expect(page.getByText(/^Page 2$/)).toBeVisible();
    const idsPage2 = await column(page, 0);
    expect(idsPage2).not.toEqual(firstIdsPage1);
    await page.getByRole("button", { name: "Previous", exact: true }).click();
    await expect(page).not.toHaveURL(/cursor=/);
    expect(await column(page, 0)).toEqual(firstIdsPage1);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page.getByText(/^Page 2$/)).toBeVisible();

    // A reload keeps the whole state (the same rows: the cursor is in the URL).
    await page.reload();
    await expect(page.getByLabel("Tier", { exact: true })).toHaveValue("HIGH");
    await expect(page.getByLabel("Min score")).toHaveValue("450");
    expect(await column(page, 0)).toEqual(idsPage2);

    // Search by borrower ID (clearing the other filters first).
    await page.getByRole("button", { name: "Clear", exact: true }).click();
    await expect(page).not.toHaveURL(/tier=/);
    await expect(page.getByLabel("Tier", { exact: true })).toHaveValue(""); // form re-seeded from the URL
    await page.getByLabel("Borrower ID").fill("1042");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=1042(&|$)/);
    await expect(await settledRows(page)).toHaveCount(1);
    expect(await column(page, 0)).toEqual(["1042"]);

    // Open the borrower, then come back to the same list.
    await borrowersTable(page).getByRole("link", { name: "1042" }).click();
    await expect(page).toHaveURL(/\/borrowers\/1042$/);
    await expect(page.getByRole("heading", { level: 1, name: "Borrower 1042" })).toBeVisible();
    await page.getByRole("link", { name: /Back to borrowers/ }).click();
    await expect(page).toHaveURL(/[?&]q=1042(&|$)/);
    await expect(page.getByLabel("Borrower ID")).toHaveValue("1042");
  });

  test("utilisation is entered in percent and sent as a ratio", async ({ page, loginAs }) => {
    await loginAs("MANAGER");
    await page.goto("/borrowers");
    await page.getByLabel("Min utilisation (%)").fill("90");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page).toHaveURL(/[?&]minUtil=0\.9(&|$)/);
    for (const util of (await column(page, 7)).map(num)) expect(util).toBeGreaterThanOrEqual(90);
  });

  test("an invalid filter in the URL shows the API's message", async ({ page, loginAs }) => {
    await loginAs("ANALYST");
    await page.goto("/borrowers?minScore=abc");
    await expect(page.getByRole("alert").filter({ hasText: "Invalid query parameters" })).toContainText("minScore");
  });

  test("borrower page shows score history, tiers, repayments and reason codes", async ({ page, loginAs }) => {
    await loginAs("AUDITOR");
    await page.goto("/borrowers/1");
    await expect(page.getByRole("heading", { level: 1, name: "Borrower 1" })).toBeVisible();
    // Decision-first figures; the outcome is hindsight, in its own card away from the forms.
    await expect(page.getByRole("definition").filter({ hasText: /^NT\$/ }).first()).toBeVisible();
    await expect(page.locator("dl dt").allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(["Current limit", "Balance", "Available credit", "Utilisation", "Latest score", "Risk tier", "Probability of default"]),
    );
    await expect(page.getByRole("heading", { name: "Observed outcome (hindsight)" })).toBeVisible();
    await expect(page.getByText("Defaulted in October 2005.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Score history" })).toBeVisible();
    const history = page.getByRole("figure", { name: /Score history/ });
    await history.scrollIntoViewIfNeeded(); // drawn once near the screen
    await expect(history.locator(".recharts-wrapper > svg")).toBeVisible();
    await expect(page.getByRole("list", { name: "Tier by month" }).getByRole("listitem")).toHaveCount(6);
    await expect(page.getByRole("list", { name: "Tier by month" })).toContainText("Not scored");
    const reasons = page.getByRole("list", { name: "Reason codes" }).getByRole("listitem");
    await expect(reasons.first()).toContainText(/−\d+ points/);
    await expect(page.getByRole("table", { name: /Repayment status/ })).toContainText("months late");
    await expectAccessible(page);
  });

  test("an unknown borrower is a 404 page", async ({ page, loginAs }) => {
    await loginAs("ANALYST");
    for (const id of ["99999999", "abc"]) {
      const res = await page.goto(`/borrowers/${id}`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("model page shows holdout AUC, curves and the points table", async ({ page, loginAs }) => {
    await loginAs("ADMIN");
    await page.goto("/model");
    await expect(page.getByRole("heading", { level: 1, name: "Model" })).toBeVisible();
    const auc = page.getByRole("term").filter({ hasText: "AUC (holdout)" }).locator("xpath=following-sibling::dd[1]");
    await expect(auc).toHaveText(/^0\.\d{3}$/);
    expect(num(await auc.innerText())).toBeGreaterThan(0.6);
    for (const name of ["ROC curve", "KS chart", "Information value", "Points per characteristic", "Validation: champion and challenger", "Calibration (holdout)", "Monitoring: Sep 2005 against Jun 2005", "Stability (PSI / CSI)"]) {
      await expect(page.getByRole("heading", { name })).toBeVisible();
    }
    await expect(page.getByText(/never model inputs/)).toBeVisible();
    await expectAccessible(page);
  });

  test("model page: IV bands as practitioners read them, every characteristic drawn, KS label clear of the curves", async ({ page, loginAs }) => {
    await loginAs("ANALYST");
    const model = await (await page.request.get("/api/v1/model")).json();
    const chars = model.characteristics as Array<{ code: string; iv: number }>;
    const reading = (iv: number) =>
      iv < 0.02 ? "Not predictive" : iv < 0.1 ? "Weak" : iv < 0.3 ? "Medium" : iv < 0.5 ? "Strong" : "Suspiciously strong — check for leakage";
    await page.goto("/model");
    const ivFigure = page.getByRole("figure", { name: /^Information value of each of the \d+ characteristics/ });
    const rows = ivFigure.getByRole("table", { name: "Information value per characteristic" }).locator("tbody tr");
    const sorted = [...chars].sort((a, b) => b.iv - a.iv);
    await expect(rows.locator("td:nth-child(3)")).toHaveText(sorted.map((c) => reading(c.iv)));
    // Every characteristic has its bar and its axis label: none is dropped for lack of room.
    await ivFigure.scrollIntoViewIfNeeded(); // drawn once near the screen
    const svg = ivFigure.locator("svg.recharts-surface");
    // (Recharts 3 draws tick labels in z-index layers outside the axis group: the category ticks are
    // the ones that are not numbers.)
    await expect(svg.locator(".recharts-cartesian-axis-tick-value").first()).toBeVisible();
    const ticks = (await svg.locator(".recharts-cartesian-axis-tick-value").allTextContents()).filter((t) => Number.isNaN(Number(t)));
    expect(ticks).toEqual(sorted.map((c) => c.code));
    await expect(svg.locator(".recharts-bar-rectangle")).toHaveCount(chars.length);
    await expect(ivFigure.getByText("> 0.5 suspiciously strong — check for leakage")).toBeVisible();
    await expect(ivFigure.getByText("< 0.02 not predictive")).toBeVisible();

    // The KS figure is written above the plot, not over the bads' curve.
    const ksFigure = page.getByRole("figure", { name: /^KS chart on the holdout sample/ });
    await ksFigure.scrollIntoViewIfNeeded();
    const label = ksFigure.getByText(/^KS 0\.\d{3}$/);
    await expect(label).toBeVisible();
    const [labelBox, plotBox] = await Promise.all([label.boundingBox(), ksFigure.locator("svg.recharts-surface").filter({ has: page.locator(".recharts-cartesian-grid") }).boundingBox()]);
    expect(labelBox!.y + labelBox!.height).toBeLessThanOrEqual(plotBox!.y);
  });

  test("CSV export downloads the filtered rows", async ({ page, loginAs }) => {
    await loginAs("ANALYST");
    await page.goto("/borrowers?tier=HIGH&maxScore=450");
    const link = page.getByRole("link", { name: "Export CSV" });
    await expect(link).toHaveAttribute("href", /format=csv/);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const csv = await readFile(await download.path(), "utf8");
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toBe("id,month,score,pd,tier,previousTier,tierChangeCause,limit,balance,utilization,availableCredit");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines.slice(0, 200)) {
      const cells = line.split(",");
      expect(cells[4]).toBe("HIGH");
      expect(Number(cells[2])).toBeLessThanOrEqual(450);
    }
  });
});
