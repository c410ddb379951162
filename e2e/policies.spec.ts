import type { Page } from "@playwright/test";
import { test, expect, expectAccessible } from "./fixtures";
import { draftFromActive } from "./data";
import { PoliciesPage } from "./pages/policies";
import { LEAVE_MESSAGE } from "@/components/use-leave-guard";

// The policy lifecycle in the browser: an analyst drafts and tunes a version with the live
// impact preview, a manager approves it, a second manager activates it, and the overview's
// stored tiers follow. Maker-checker holds in the UI (no Approve button) and in the API (403).

const num = (text: string) => Number(text.replace(/[^\d.-]/g, ""));

/** "High risk" count on the overview, from the tier-mix figure's text alternative. */
async function overviewHighCount(page: Page): Promise<number> {
  await page.goto("/");
  const caption = page.getByRole("figure", { name: /^Tier mix:/ }).locator("figcaption");
  const text = (await caption.textContent()) ?? "";
  const match = /High risk ([\d,]+)/.exec(text);
  expect(match, `tier mix text: ${text}`).not.toBeNull();
  return num(match![1]);
}

test.describe("policies", () => {
  test("draft, preview, validate, save, submit, approve, activate; the overview follows", async ({ analystPage: page, managerPage: manager, manager2Page: manager2 }) => {
    test.setTimeout(300_000);
    const highBefore = await overviewHighCount(page);

    // ---- Analyst: a new draft from the active version -------------------------------------
    const policies = new PoliciesPage(page);
    await policies.goto();
    await expect(policies.navLink("Policies")).toHaveAttribute("aria-current", "page");
    const activeRow = policies.activeRow;
    await expect(activeRow).toHaveCount(1);
    const activeLink = activeRow.getByRole("link");
    const activeId = new URL((await activeLink.getAttribute("href"))!, "http://x").searchParams.get("id")!;
    const activeVersion = num((await activeLink.textContent())!.split(":")[0]);
    await activeLink.click();
    await expect(page).toHaveURL(new RegExp(`[?&]id=${activeId}$`));
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^Version ${activeVersion}:`) })).toBeVisible();
    await expect(policies.field("Low-risk cut-off")).toHaveAttribute("readonly", "");

    await policies.button("New draft from this version").click();
    await page.waitForURL((url) => url.pathname === "/policies" && !!url.searchParams.get("id") && url.searchParams.get("id") !== activeId);
    const draftId = new URL(page.url()).searchParams.get("id")!;
    const heading = page.getByRole("heading", { level: 2, name: new RegExp(`^Version \\d+: Copy of v${activeVersion}:`) });
    await expect(heading).toBeVisible();
    const version = num((await heading.textContent())!.split(":")[0]);
    expect(version).toBeGreaterThan(activeVersion);
    await expect(policies.status("Draft")).toBeVisible();

    const low = policies.field("Low-risk cut-off");
    const medium = policies.field("Medium-risk cut-off");
    await expect(low).toBeEditable();
    await expect(policies.slider("Medium-risk cut-off")).toBeVisible();
    // The preview is filled on first paint: this draft equals the active version, so no change.
    const highCell = policies.afterCell("High risk");
    await expect(highCell).toHaveText(/^[\d,]+$/);
    const highAfterInitial = await highCell.textContent();
    await expectAccessible(page);

    // ---- Edit a cut-off: the preview follows (after the debounce) --------------------------
    const lowValue = Number(await low.inputValue());
    const mediumValue = Number(await medium.inputValue());
    const newMedium = Math.min(mediumValue + 20, lowValue - 1);
    expect(newMedium).toBeGreaterThan(mediumValue);
    await medium.fill(String(newMedium));
    await expect(highCell).not.toHaveText(highAfterInitial!);
    await expect(policies.preview).toHaveAttribute("aria-busy", "false");
    const highAfterPreview = num((await highCell.textContent())!);
    expect(highAfterPreview).toBeGreaterThan(num(highAfterInitial!));

    // ---- Invalid values: messages beside the fields, nothing sent, then fixed --------------
    await medium.fill(String(lowValue + 5));
    const lowError = page.locator("#policy-cutoffs-low-error");
    await expect(lowError).toHaveText("Must be greater than the medium-risk cut-off");
    await expect(low).toHaveAttribute("aria-invalid", "true");
    await expect(low).toHaveAttribute("aria-describedby", /policy-cutoffs-low-error/);
    await expect(policies.preview.getByRole("status")).toContainText("last valid settings");
    // The preview keeps the last valid result while the form is invalid.
    await expect(highCell).toHaveText(highAfterPreview.toLocaleString("en-US"));

    const lgd = policies.field("Loss given default (LGD)");
    const lgdValue = await lgd.inputValue();
    await lgd.fill("1.5");
    await expect(page.locator("#policy-lgd-error")).toHaveText("Must be at most 1");
    await expect(lgd).toHaveAttribute("aria-invalid", "true");

    await medium.fill(String(newMedium));
    await lgd.fill(lgdValue);
    await expect(lowError).toHaveCount(0);
    await expect(page.locator("#policy-lgd-error")).toHaveCount(0);
    await expect(low).not.toHaveAttribute("aria-invalid", "true");

    // Keyboard on a slider moves the same value (ArrowRight = one step).
    const noticeInput = policies.field("Notice before a cut (days)");
    const notice = Number(await noticeInput.inputValue());
    await policies.slider("Notice before a cut (days)").focus();
    await page.keyboard.press("ArrowRight");
    await expect(noticeInput).toHaveValue(String(notice + 1));

    // ---- Save, then submit --------------------------------------------------------------------
    const submit = policies.button("Submit for approval");
    await expect(submit).toBeDisabled(); // unsaved changes first
    await policies.button("Save draft").click();
    await expect(policies.saveStatus).toHaveText("Saved.");
    await expect(submit).toBeEnabled();
    await submit.click();
    await expect(page.getByText(`Version ${version} submitted for approval.`)).toBeVisible();
    await expect(policies.status("Submitted")).toBeVisible();
    await expect(low).toHaveAttribute("readonly", "");

    // ---- Maker-checker: the author cannot approve ----------------------------------------------
    await expect(policies.button("Approve")).toHaveCount(0);
    const selfApprove = await page.request.post(`/api/v1/policies/${draftId}/approve`, { data: {} });
    expect(selfApprove.status()).toBe(403);

    // ---- Manager: reject needs a comment; approve ---------------------------------------------
    await new PoliciesPage(manager).goto(draftId);
    await expect(manager.getByRole("button", { name: "Activate" })).toHaveCount(0);
    await manager.getByRole("button", { name: "Reject" }).click();
    const rejectDialog = manager.getByRole("dialog", { name: `Reject version ${version}?` });
    await rejectDialog.getByRole("button", { name: "Reject" }).click();
    await expect(rejectDialog.getByRole("alert")).toContainText("at least 3 characters");
    await rejectDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(rejectDialog).toHaveCount(0);

    await manager.getByRole("button", { name: "Approve" }).click();
    const approveDialog = manager.getByRole("dialog", { name: `Approve version ${version}?` });
    await approveDialog.getByLabel("Comment (optional)").fill("Medium cut-off raised; fine.");
    await approveDialog.getByRole("button", { name: "Approve" }).click();
    await expect(manager.getByText(`Version ${version} approved.`)).toBeVisible();
    await expect(manager.getByRole("button", { name: "Activate" })).toBeVisible();
    await expectAccessible(manager);

    // ---- Second manager: activate ---------------------------------------------------------------
    const policies2 = new PoliciesPage(manager2);
    await policies2.goto(draftId);
    await manager2.getByRole("button", { name: "Activate" }).click();
    await manager2.getByRole("dialog", { name: `Activate version ${version}?` }).getByRole("button", { name: "Activate" }).click();
    await expect(manager2.getByText(`Version ${version} activated`)).toBeVisible({ timeout: 120_000 });
    await expect(policies2.activeRow).toHaveCount(1);
    await expect(policies2.activeRow.getByRole("link")).toHaveText(new RegExp(`^v${version}\\b`));

    // ---- History lists the audit trail of this version -----------------------------------------
    const events = policies2.history.locator("tbody tr");
    await expect(events.locator("td:nth-child(2)")).toHaveText(["Created", "Edited", "Submitted", "Approved", "Activated"]);
    await expect(events.locator("td:nth-child(3)")).toHaveText([
      "analyst@example.com",
      "analyst@example.com",
      "analyst@example.com",
      "manager@example.com",
      "manager2@example.com",
    ]);
    await expect(events.nth(3)).toContainText("Medium cut-off raised; fine.");

    // ---- Overview: stored tiers now follow the new cut-offs ---------------------------------
    const highAfter = await overviewHighCount(manager2);
    expect(highAfter).not.toBe(highBefore);
    expect(highAfter).toBe(highAfterPreview);
  });

  test("unsaved edits: Compare versions shows them; leaving asks first; save and discard end it", async ({ analystPage: page }) => {
    test.setTimeout(180_000);
    const { active, draft } = await draftFromActive(page.request);
    const policies = new PoliciesPage(page);
    const dialogs: string[] = [];
    /** The next dialog is recorded and answered (Playwright would dismiss it silently otherwise). */
    const answerNext = (accept: boolean) =>
      page.once("dialog", (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void (accept ? d.accept() : d.dismiss());
      });

    await policies.goto(draft.id);
    await expect(policies.compareMessage).toHaveText(`v${active.version} and v${draft.version} have identical settings.`);
    const notice = policies.field("Notice before a cut (days)");
    const saved = Number(await notice.inputValue());
    await notice.fill(String(saved + 7));
    await expect(policies.saveStatus).toHaveText("Unsaved changes.");

    // ---- The comparison is against the editor's settings, labelled as unsaved -------------------
    await expect(policies.compareTo.locator("option:checked")).toHaveText(`v${draft.version} · unsaved edits in the editor`);
    const header = policies.compareTable.locator("thead th");
    await expect(header).toHaveText(["Field", `v${active.version}`, `v${draft.version} (unsaved edits)`]);
    const rows = policies.compareTable.locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.locator("th, td")).toHaveText([/^Notice before a cut/, String(saved), String(saved + 7)]);
    // The saved draft is still a choice of its own: it equals the active version.
    await policies.compareTo.selectOption(draft.id);
    await expect(policies.compareMessage).toHaveText(`v${active.version} and v${draft.version} have identical settings.`);
    await policies.compareTo.selectOption("unsaved");
    await expect(rows).toHaveCount(1);

    // ---- Leaving through the app shell asks; "Stay" keeps the page and the edits -----------------
    answerNext(false);
    await policies.navLink("Overview").click();
    await expect.poll(() => dialogs).toEqual([`confirm: ${LEAVE_MESSAGE}`]);
    await expect(page).toHaveURL(new RegExp(`/policies\\?id=${draft.id}$`));
    await expect(notice).toHaveValue(String(saved + 7));
    // "New draft from this version" would leave too.
    answerNext(false);
    await policies.button("New draft from this version").click();
    await expect.poll(() => dialogs).toHaveLength(2);
    await expect(page).toHaveURL(new RegExp(`/policies\\?id=${draft.id}$`));
    // A reload is the browser's own leave prompt (beforeunload); dismissing it stays.
    answerNext(false);
    // (A script-started reload: page.reload() would wait for a navigation that "Stay" cancels.)
    await page.evaluate(() => window.location.reload());
    await expect.poll(() => dialogs).toEqual([`confirm: ${LEAVE_MESSAGE}`, `confirm: ${LEAVE_MESSAGE}`, "beforeunload: "]);
    await expect(notice).toHaveValue(String(saved + 7));

    // ---- Discarding the edits ends it: back to the saved settings, links leave without asking ---
    await policies.button("Discard changes").click();
    await expect(policies.saveStatus).toHaveText("Changes discarded.");
    await expect(notice).toHaveValue(String(saved));
    await expect(policies.compareMessage).toHaveText(`v${active.version} and v${draft.version} have identical settings.`);
    await expect(policies.compareTo.locator("option", { hasText: "unsaved" })).toHaveCount(0);
    await policies.navLink("Overview").click();
    await expect(page).toHaveURL(/\/$/);

    // ---- Saving ends it too; the comparison is then the saved draft -----------------------------
    await policies.goto(draft.id);
    await notice.fill(String(saved + 3));
    await policies.button("Save draft").click();
    await expect(policies.saveStatus).toHaveText("Saved.");
    await expect(header).toHaveText(["Field", `v${active.version}`, `v${draft.version}`]);
    await expect(rows.locator("th, td")).toHaveText([/^Notice before a cut/, String(saved), String(saved + 3)]);
    await policies.navLink("Borrowers").click();
    await expect(page).toHaveURL(/\/borrowers$/);
    expect(dialogs).toHaveLength(3);

    // ---- The browser's Back button asks too: "Stay" keeps the page and the edits, "Leave" goes ----
    await policies.goto(draft.id);
    await notice.fill(String(saved + 5));
    await expect(policies.saveStatus).toHaveText("Unsaved changes.");
    answerNext(false);
    await page.evaluate(() => window.history.back());
    await expect.poll(() => dialogs).toHaveLength(4);
    await expect(page).toHaveURL(new RegExp(`/policies\\?id=${draft.id}$`));
    await expect(notice).toHaveValue(String(saved + 5));
    answerNext(true);
    await page.evaluate(() => window.history.back());
    await expect(page).toHaveURL(/\/borrowers$/);
    expect(dialogs.slice(3)).toEqual([`confirm: ${LEAVE_MESSAGE}`, `confirm: ${LEAVE_MESSAGE}`]);

    expect((await page.request.post(`/api/v1/policies/${draft.id}/discard`, { data: {} })).status()).toBe(200);
  });
});
