// Page object of /policies: the locators the specs share, named as a person reads the page.
import { expect, type Locator, type Page } from "@playwright/test";

export type TierName = "Low risk" | "Medium risk" | "High risk";

export class PoliciesPage {
  constructor(readonly page: Page) {}

  /** Opens one version (or the default: the active one) and waits for its heading. */
  async goto(id?: string) {
    await this.page.goto(id ? `/policies?id=${encodeURIComponent(id)}` : "/policies");
    await expect(this.page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
  }

  get versions(): Locator {
    return this.page.getByRole("table", { name: /Policy versions/ });
  }
  /** The row of the version in force. */
  get activeRow(): Locator {
    return this.versions.locator("tbody tr[data-status=ACTIVE]");
  }
  /** "Version N: name" of the selected version. */
  get heading(): Locator {
    return this.page.getByRole("heading", { level: 2, name: /^Version \d+:/ });
  }
  /** The status badge beside the selected version's heading. */
  status(text: string): Locator {
    return this.heading.locator("..").getByText(text, { exact: true });
  }
  /** A setting's number input, by its label. */
  field(label: string): Locator {
    return this.page.getByRole("spinbutton", { name: label });
  }
  slider(label: string): Locator {
    return this.page.getByRole("slider", { name: label });
  }
  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }
  /** The editor's save line ("Unsaved changes.", "Saved.", …). */
  get saveStatus(): Locator {
    return this.page.getByRole("form", { name: "Settings" }).getByRole("status");
  }
  navLink(name: string): Locator {
    return this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  }

  // ---- Impact preview ----------------------------------------------------------------------
  get preview(): Locator {
    return this.page.getByRole("region", { name: "Impact preview" });
  }
  get tierTable(): Locator {
    return this.page.getByRole("table", { name: "Borrowers per tier, before and after" });
  }
  /** The "After" figure of a tier row in the preview's tier table. */
  afterCell(tier: TierName): Locator {
    return this.tierTable.getByRole("row").filter({ hasText: tier }).getByRole("cell").nth(1);
  }

  // ---- Compare versions --------------------------------------------------------------------
  get compare(): Locator {
    return this.page.getByRole("region", { name: "Compare versions" });
  }
  get compareFrom(): Locator {
    return this.compare.getByLabel("From version");
  }
  get compareTo(): Locator {
    return this.compare.getByLabel("To version");
  }
  /** The one-line answer when there is no table ("… have identical settings."). */
  get compareMessage(): Locator {
    return this.compare.locator("[aria-live=polite] > p");
  }
  get compareTable(): Locator {
    return this.compare.getByRole("table", { name: /^Settings that differ between/ });
  }

  // ---- History -------------------------------------------------------------------------------
  get history(): Locator {
    return this.page.getByRole("table", { name: "Audit events of this version, oldest first" });
  }
}
