import type { Browser } from "@playwright/test";
import { test, expect, expectAccessible, loginAs, type Role } from "./fixtures";
import { freeBorrower } from "./data";

// Appeals through the browser (issue 11 §8, features/appeals): a cut made through the API for a
// borrower of this test alone, an appeal recorded on the borrower page, the approver of the cut
// refused as its decider in the inbox, an ADMIN reversing it, and the borrower page showing both.

async function pageAs(browser: Browser, role: Role, email?: string) {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, role, email);
  return page;
}

test("record an appeal on the borrower page, decide it in the inbox, see the cut cancelled", async ({ browser }) => {
  test.setTimeout(180_000);
  const analyst = await pageAs(browser, "ANALYST");
  // A small decrease inside every policy rule: no override, one scheduled cut.
  const b = await freeBorrower(analyst.request, { from: 700, target: (x) => Math.floor((x.currentLimit * 0.95) / 1000) * 1000 });
  const proposed = await analyst.request.post("/api/v1/adjustments", { data: { borrowerId: b.id, newLimit: b.newLimit, reason: "Appeal e2e: a small cut to appeal" } });
  expect(proposed.status()).toBe(201);
  const adjustment = await proposed.json();
  const manager = await pageAs(browser, "MANAGER");
  const approvers = [manager, ...(adjustment.requiredApprovals === 2 ? [await pageAs(browser, "MANAGER", "manager2@example.com")] : [])];
  const answers = [];
  for (const approver of approvers) answers.push(await (await approver.request.post(`/api/v1/adjustments/${adjustment.id}/approve`, { data: {} })).json());
  const decided = answers[answers.length - 1];
  expect(decided.adjustment.status).toBe("APPROVED");
  expect(decided.limitChange).toMatchObject({ status: "SCHEDULED", oldLimit: b.currentLimit, newLimit: b.newLimit });

  // ---- Analyst records the borrower's appeal ------------------------------------------------
  await analyst.goto(`/borrowers/${b.id}`);
  const form = analyst.getByRole("form", { name: "Record appeal" });
  await expect(form.getByLabel("Decrease appealed")).toHaveValue(decided.limitChange.id);
  await form.getByLabel("Channel").selectOption("EMAIL");
  await form.getByLabel("What the borrower said").fill("I have repaid on time for a year; please keep my limit.");
  await form.getByRole("button", { name: "Record appeal" }).click();
  await expect(analyst.getByText(/^Appeal recorded; a manager must decide it by \d{4}-\d{2}-\d{2}\.$/)).toBeVisible();
  const appeals = analyst.getByRole("list", { name: "Appeals" });
  await expect(appeals.getByRole("listitem")).toHaveCount(1);
  await expect(appeals).toContainText("Open");
  await expect(appeals).toContainText("by Email");
  await expectAccessible(analyst);

  // ---- The manager who approved the cut may not decide its appeal ---------------------------
  await manager.goto("/inbox");
  const open = manager.getByRole("table", { name: "Open appeals" });
  const managerRow = open.locator("tbody tr").filter({ has: manager.getByRole("link", { name: String(b.id), exact: true }) });
  await expect(managerRow).toContainText("You proposed or approved this cut: another manager decides");
  await expect(managerRow.getByRole("button", { name: /Reverse cut/ })).toHaveCount(0);

  // ---- An ADMIN reverses it: the scheduled cut is cancelled ---------------------------------
  const admin = await pageAs(browser, "ADMIN");
  await admin.goto("/inbox");
  await admin.getByRole("button", { name: `Reverse cut for borrower ${b.id}` }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Decision note").fill("Repayment record is clean");
  await dialog.getByRole("button", { name: "Reverse the cut" }).click();
  await expect(admin.getByText(`Borrower ${b.id}: appeal granted, the cut is reversed.`)).toBeVisible();
  await expect(admin.getByRole("button", { name: `Reverse cut for borrower ${b.id}` })).toHaveCount(0);

  await admin.goto(`/borrowers/${b.id}`);
  await expect(admin.getByRole("list", { name: "Appeals" })).toContainText("Cut reversed");
  await expect(admin.getByRole("list", { name: "Appeals" })).toContainText("admin@example.com: “Repayment record is clean”");
  await expect(admin.getByRole("table", { name: "Limit history" }).locator("tbody tr").first()).toContainText("Cancelled");
});
