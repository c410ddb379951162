import { defineConfig } from "@playwright/test";
import { E2E_PG_DIR } from "./e2e/db";

// End-to-end tests run against a production build served by the same start script as
// `npm start`, on its own port (E2E_PORT) and a fresh embedded PostgreSQL folder (E2E_PG_DIR,
// default .data/e2e-pg; LIMITDESK_PG_PORT picks its port) seeded from the real data.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node e2e/serve.mjs",
    url: `${baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1", // for a quick loop against a server you started
    // SIGTERM lets `npm start` stop Next, then the embedded PostgreSQL (which runs in its own
    // process group and would otherwise outlive the run).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    env: { PORT: String(PORT), LIMITDESK_PG_DIR: E2E_PG_DIR, E2E_FRESH_DB: "1" },
  },
});
