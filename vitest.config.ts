import { defineConfig } from "vitest/config";
import path from "node:path";

const root = import.meta.dirname;

// Pure unit tests run once; database tests run twice: on the embedded PostgreSQL (one server for
// the run, started by tests/setup/embedded-pg.ts) and on the PostgreSQL server (TEST_PG_URL,
// default the machine's local server). tests/embedded/ exercises the embedded server's lifecycle.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests call the data layer directly.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["features/**/*.test.ts", "lib/**/*.test.ts", "scripts/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "db:embedded",
          include: ["tests/db/**/*.test.ts", "tests/embedded/**/*.test.ts"],
          env: { TEST_DB: "embedded" },
          globalSetup: ["tests/setup/embedded-pg.ts"],
        },
      },
      { extends: true, test: { name: "db:postgres", include: ["tests/db/**/*.test.ts"], env: { TEST_DB: "postgres" } } },
    ],
  },
});
