// Two app instances on one database (issue 7 §4): a limit change approved through one instance
// shows in the next impact preview of the other — each instance's in-memory columns follow the
// portfolio version, not their own process's mutations — and every screen agrees on the limit.
import type { APIRequestContext } from "@playwright/test";
import { test, expect, borrowersWithoutPending } from "./fixtures";
import { apiAs, embedded, startServer, waitForLogin } from "./second-server";

const OTHER_PORT = Number(process.env.E2E_SECOND_PORT ?? 3291) + 1;
const FROM_BORROWER = 26_017;

async function exposureBefore(api: APIRequestContext) {
  const active = (await (await api.get("/api/v1/policies")).json()).items.find((p: { status: string }) => p.status === "ACTIVE");
  const res = await api.post("/api/v1/policies/preview", { data: { policy: active.config } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).exposure.before as number;
}

test("an approval through one instance is in the next preview of the other", async ({ browser }) => {
  test.skip(!embedded, "needs the e2e run's embedded database");
  test.setTimeout(180_000);
  const other = startServer(OTHER_PORT);
  try {
    await waitForLogin(OTHER_PORT);
    const analystHere = await apiAs(browser, "ANALYST");
    const managerThere = await apiAs(browser, "MANAGER", `http://127.0.0.1:${OTHER_PORT}`);
    const analystThere = await apiAs(browser, "ANALYST", `http://127.0.0.1:${OTHER_PORT}`);

    // Both instances hold warm columns before the change.
    const before = await exposureBefore(analystHere);
    expect(await exposureBefore(analystThere)).toBe(before);

    const [borrower] = await borrowersWithoutPending(analystHere, FROM_BORROWER, 1);
    const borrowerId = borrower.id;
    const newLimit = borrower.currentLimit + 20_000;
    const proposed = await analystHere.post("/api/v1/adjustments", {
      data: { borrowerId, newLimit, reason: "Two-instance test: verified income rise", reasonCodes: ["RC01"] },
    });
    expect(proposed.status(), await proposed.text()).toBe(201);
    const approved = await managerThere.post(`/api/v1/adjustments/${(await proposed.json()).id}/approve`, { data: {} });
    expect(approved.status(), await approved.text()).toBe(200);

    // This instance never saw the mutation in its own process, yet its next preview has it.
    expect(await exposureBefore(analystHere)).toBe(before + 20_000);
    expect(await exposureBefore(analystThere)).toBe(before + 20_000);
    // … and the borrower page, the list and the overview agree with it.
    expect((await (await analystHere.get(`/api/v1/borrowers/${borrowerId}`)).json()).currentLimit).toBe(newLimit);
    const overview = await (await analystHere.get("/api/v1/overview")).json();
    expect(overview.exposure).toBe(before + 20_000);
  } finally {
    other.kill("SIGKILL");
  }
});
