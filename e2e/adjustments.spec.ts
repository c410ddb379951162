import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible } from "./fixtures";
import { InboxPage } from "./pages/inbox";

// Limit adjustments through the browser: an analyst runs the active policy, a manager approves a
// decrease from the inbox, the borrower page shows the scheduled cut and its notice, and an
// auditor finds the approval in the audit log and exports it. The e2e database is shared by all
// spec files, so nothing here assumes a pristine state: the run may already have happened, and
// the adjustment is picked by filtering, never by a fixed id.

test.describe("limit adjustments UI", () => {
  test("run the policy, approve a decrease, see the scheduled cut, find it in the audit log", async ({ analystPage: analyst, managerPage: manager, auditorPage: auditor }) => {
    test.setTimeout(300_000);

    // ---- Analyst: run the active policy ---------------------------------------------------
    const analystInbox = new InboxPage(analyst);
    await analystInbox.goto();
    await expect(analyst.getByRole("link", { name: "Inbox" })).toHaveAttribute("aria-current", "page");
    // Analysts propose but never decide.
    await expect(analystInbox.approveButtons).toHaveCount(0);
    await analystInbox.runPolicy.click();
    // The run is a job: the button opens the run's page, which shows its progress, then its summary.
    await expect(analyst).toHaveURL(/\/policy-runs\/[^/]+$/, { timeout: 60_000 });
    await expect(analyst.getByTestId("run-status")).toHaveText(/Waiting for approval|Applied/, { timeout: 180_000 });
    await expect(analyst.getByRole("heading", { name: "Summary" })).toBeVisible();
    await expect(analyst.getByText(/Waiting for a manager.s decision/)).toBeVisible();

    // ---- Manager: filter to decreases and approve one -------------------------------------
    const inbox = new InboxPage(manager);
    await inbox.goto();
    await inbox.settled("status=PENDING");
    await inbox.filter("Direction", "decrease");
    await expect(manager).toHaveURL(/[?&]direction=decrease(&|$)/);
    await inbox.settled("direction=decrease");
    const rows = inbox.rows;
    await expect(rows.first()).toBeVisible();
    // Every row shown is a decrease, written with a minus sign (not colour alone).
    for (const cell of await rows.locator("td:nth-child(3)").allInnerTexts()) expect(cell).toContain("−NT$");
    await expectAccessible(manager);

    // One that a single approval decides (a two-approval one would stay pending).
    const row = rows.filter({ hasText: "One approver" }).filter({ has: inbox.approveButtons }).first();
    const borrowerId = await inbox.borrowerIdOf(row);
    await row.getByRole("button", { name: `Approve adjustment for borrower ${borrowerId}` }).click();
    const done = manager.getByText(new RegExp(`^Borrower ${borrowerId}: approved\\. The limit change NT\\$[\\d,]+ → NT\\$[\\d,]+ is scheduled for (\\d{4}-\\d{2}-\\d{2})`));
    await expect(done).toBeVisible({ timeout: 30_000 });
    const effective = /scheduled for (\d{4}-\d{2}-\d{2})/.exec((await done.textContent())!)![1];

    // ---- The borrower page: scheduled cut and the notice ----------------------------------
    await manager.goto(`/borrowers/${borrowerId}`);
    const history = manager.getByRole("table", { name: "Limit history" });
    await expect(history).toBeVisible();
    await expect(history.getByText(`Scheduled for ${effective}`)).toBeVisible();
    const notices = manager.getByRole("list", { name: "Notices" });
    await expect(notices).toContainText(/Your credit limit will change from NT\$[\d,]+ to NT\$[\d,]+ on/);
    await expect(notices).toContainText(effective);
    await expectAccessible(manager);

    // ---- Auditor: the approval is in the audit log, and the CSV export has it ---------------
    await auditor.goto("/audit");
    await expect(auditor.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await auditor.getByLabel("Action").selectOption("adjustment.approved");
    await auditor.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(auditor).toHaveURL(/[?&]action=adjustment\.approved(&|$)/);
    const events = auditor.getByRole("table", { name: "Audit events" });
    await expect(events).toHaveAttribute("aria-busy", "false");
    await expect(events.locator("tbody tr").first()).toContainText("adjustment.approved");
    await expect(events.locator("tbody")).toContainText("manager@example.com");
    await expectAccessible(auditor);
    const link = auditor.getByRole("link", { name: "Export CSV" });
    await expect(link).toHaveAttribute("href", /action=adjustment\.approved.*format=csv|format=csv.*action=adjustment\.approved/);
    const [download] = await Promise.all([auditor.waitForEvent("download"), link.click()]);
    const csv = await readFile(await download.path(), "utf8");
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toBe("seq,at,actorEmail,action,entityType,entityId,before,after,requestId,ip,prevHash,hash");
    // Exactly the events the API counts for the same filter (one line each: JSON cells hold no newlines).
    const { total } = await (await auditor.request.get("/api/v1/audit?action=adjustment.approved&pageSize=1")).json();
    expect(lines).toHaveLength(total);
    expect(lines.filter((l) => l.split(",")[3] === "adjustment.approved")).toHaveLength(total);
  });

  test("limit changes and tokens pages pass axe, and each role sees only its links", async ({ auditorPage: auditor, adminPage: admin, analystPage: analyst }) => {
    await auditor.goto("/limit-changes");
    await expect(auditor.getByRole("heading", { level: 1, name: "Limit changes" })).toBeVisible();
    await expect(auditor.getByRole("table", { name: "Limit changes" })).toHaveAttribute("aria-busy", "false");
    await expect(auditor.getByRole("link", { name: /Export CSV/ })).toHaveAttribute("href", /format=csv/);
    await expectAccessible(auditor);
    const nav = auditor.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Audit" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Tokens" })).toHaveCount(0);

    await admin.goto("/admin/tokens");
    await expect(admin.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await admin.getByLabel("Name", { exact: true }).fill("e2e feed reader");
    await admin.getByRole("button", { name: "Create token" }).click();
    const secret = admin.getByLabel("New token");
    await expect(secret).toHaveValue(/\S{20,}/);
    await expect(admin.getByText(/only time it is shown/)).toBeVisible();
    await expectAccessible(admin);
    const row = admin.getByRole("row", { name: /e2e feed reader/ }).first();
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("Revoked");

    await analyst.goto("/inbox");
    const analystNav = analyst.getByRole("navigation", { name: "Main" });
    await expect(analystNav.getByRole("link", { name: "Limit changes" })).toBeVisible();
    await expect(analystNav.getByRole("link", { name: "Audit" })).toHaveCount(0);
    await expect(analystNav.getByRole("link", { name: "Tokens" })).toHaveCount(0);
    expect((await analyst.goto("/audit"))?.status()).toBe(403);
  });
});
