// Page object of /inbox: filters, the adjustments table (which keeps its old rows while a new
// filter loads, hence `settled`) and the per-row decision buttons.
import { expect, type Locator, type Page } from "@playwright/test";

export class InboxPage {
  constructor(readonly page: Page) {}

  /** Opens the inbox (optionally with a query such as `borrowerId=12`) and waits for its heading. */
  async goto(query?: string) {
    await this.page.goto(query ? `/inbox?${query}` : "/inbox");
    await expect(this.page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Adjustments" });
  }
  get rows(): Locator {
    return this.table.locator("tbody tr");
  }
  /** The row of one adjustment. */
  row(adjustmentId: string): Locator {
    return this.table.locator(`tr[data-adjustment-id="${adjustmentId}"]`);
  }

  /** Waits until the table shows the rows of a query containing `mustInclude` and is no longer loading. */
  async settled(mustInclude: string) {
    await expect(this.table).toHaveAttribute("data-query", new RegExp(mustInclude));
    await expect(this.table).toHaveAttribute("aria-busy", "false");
    return this.table;
  }

  /** Sets one filter (a select, by its label) and applies the filters. */
  async filter(label: string, option: string) {
    await this.page.getByLabel(label).selectOption(option);
    await this.page.getByRole("button", { name: "Apply", exact: true }).click();
  }

  get runPolicy(): Locator {
    return this.page.getByRole("button", { name: "Run active policy" });
  }
  /** Any Approve button (row or bulk). */
  get approveButtons(): Locator {
    return this.page.getByRole("button", { name: /^Approve/ });
  }
  approveFor(borrowerId: string | number): Locator {
    return this.page.getByRole("button", { name: `Approve adjustment for borrower ${borrowerId}` });
  }
  /** The borrower id a row links to. */
  async borrowerIdOf(row: Locator): Promise<string> {
    return (await row.getByRole("link").first().textContent())!.trim();
  }
}
