// The embedded PostgreSQL under real processes: CLIs beside the serving app, and kill -9 of an app
// server during a burst of approvals. Runs on the e2e server's embedded folder (E2E_PG_DIR).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { test, expect } from "./fixtures";
import { E2E_PG_DIR } from "./db";
import { apiAs, embedded, startServer, waitForLogin } from "./second-server";
import { readPidFile } from "../lib/db/embedded-config";

const run = promisify(execFile);
const cliEnv = { ...process.env, LIMITDESK_PG_DIR: E2E_PG_DIR };
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? 3291);

async function npmRun(script: string) {
  const { stdout, stderr } = await run("npm", ["run", "--silent", script], { env: cliEnv, timeout: 120_000 });
  return stdout + stderr;
}

// The second app server and its signed-in clients come from second-server.ts: a client of that
// server must send that server's Origin on writes (CSRF rule), or every approval is a 403.
const startSecondServer = () => startServer(SECOND_PORT);

test.describe("embedded PostgreSQL beside the running app", () => {
  test.skip(!embedded, "runs on the embedded server only (DATABASE_URL names an external one)");

  test("npm run audit:verify gives the same answer as GET /api/v1/audit/verify", async ({ browser }) => {
    const admin = await apiAs(browser, "ADMIN");
    const res = await admin.get("/api/v1/audit/verify");
    expect(res.status()).toBe(200);
    const api = await res.json();
    expect(api.broken).toBeNull();
    const out = await npmRun("audit:verify");
    expect(out.trim()).toBe(`Audit chain intact: ${api.checked} events verified.`);
  });

  test("npm run db:seed says the database is already seeded, and the app keeps serving", async ({ page }) => {
    const pid = readPidFile(path.resolve(E2E_PG_DIR))!.pid;
    const out = await npmRun("db:seed");
    expect(out).toContain("Portfolio already seeded; nothing imported.");
    expect(readPidFile(path.resolve(E2E_PG_DIR))!.pid).toBe(pid); // the CLI attached; it neither restarted nor stopped the server
    expect((await page.request.get("/login")).status()).toBe(200);
  });

  test("kill -9 of an app server during a burst of approvals loses no approval answered 200", async ({ browser }) => {
    test.setTimeout(240_000);
    const N = 40;
    const KILL_AFTER = 10;
    const analyst = await apiAs(browser, "ANALYST");
    const ids: string[] = [];
    for (let b = 25_001; ids.length < N; b++) {
      const borrower = await (await analyst.get(`/api/v1/borrowers/${b}`)).json();
      // The e2e database is shared: adjustments.spec's policy run may already have proposed for b.
      if (borrower.pendingAdjustment != null) continue;
      // Only plain proposals: an increase the active policy forbids is an override (issue 11 §1).
      const check = await (await analyst.get(`/api/v1/adjustments/override-check?borrowerId=${b}&newLimit=${borrower.currentLimit + 10_000}`)).json();
      if (check.override) continue;
      const created = await analyst.post("/api/v1/adjustments", {
        data: { borrowerId: borrower.id, newLimit: borrower.currentLimit + 10_000, reason: "Burst test: verified income rise", reasonCodes: ["RC01"] },
      });
      expect(created.status(), await created.text()).toBe(201);
      ids.push((await created.json()).id);
    }

    let second = startSecondServer();
    try {
      await waitForLogin(SECOND_PORT);
      const manager = await apiAs(browser, "MANAGER", `http://127.0.0.1:${SECOND_PORT}`);
      const answered200: string[] = [];
      const answers: Array<number | string> = []; // every status, to say why when the kill never came
      let killed = false;
      let next = 0;
      // Four clients fire approvals back to back; after the 10th 200 the server is killed mid-burst.
      const worker = async () => {
        while (!killed && next < ids.length) {
          const id = ids[next++];
          const res = await manager.post(`/api/v1/adjustments/${id}/approve`, { data: {} }).catch(() => null);
          answers.push(res?.status() ?? "no answer");
          if (res?.status() === 200) answered200.push(id);
          if (answered200.length >= KILL_AFTER && !killed) {
            killed = true;
            second.kill("SIGKILL");
          }
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      expect(killed, `answers before the kill: ${answers.join(", ")}`).toBe(true);
      expect(answered200.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(answered200.length).toBeLessThan(N); // the kill really cut the burst short
      test.info().annotations.push({ type: "burst", description: `${answered200.length} of ${N} approvals answered 200 before kill -9` });

      second = startSecondServer(); // restart on the same database
      await waitForLogin(SECOND_PORT);
      const auditor = await apiAs(browser, "ADMIN", `http://127.0.0.1:${SECOND_PORT}`);
      for (const id of answered200) {
        const detail = await (await auditor.get(`/api/v1/adjustments/${id}`)).json();
        expect({ id, status: detail.status, approvals: detail.approvals }).toEqual({ id, status: "APPROVED", approvals: 1 });
      }
      const verify = await (await auditor.get("/api/v1/audit/verify")).json();
      expect(verify.broken).toBeNull();
    } finally {
      second.kill("SIGKILL");
    }
  });
});
