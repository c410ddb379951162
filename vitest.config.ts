import { defineConfig } from "vitest/config";
import path from "node:path";

const root = import.meta.dirname;

// Pure unit tests run once; database tests run twice: on the embedded PostgreSQL (one server for
// the run, started by tests/setup/embedded-pg.ts) and on the PostgreSQL server (TEST_PG_URL,
// default the machine's local server). tests/embedded/ exercises the embedded server's lifecycle.
//
// Each database test file works in its own randomly named database (tests/db/harness.ts; the
// embedded lifecycle file uses its own folders and ports), so files may run in parallel:
// TEST_DB_WORKERS=N runs N files of a database project at once. Unset, vitest's default applies
// (CPUs − 1: one file at a time on a 2-core machine). Each project is its own group
// (sequence.groupOrder): unit, then db:embedded, then db:postgres, never two projects at once.
// Measured on 2 cores at load average ≈ 28 (db:postgres): 1 worker 1,452 s (2 seed timeouts),
// 4 workers 977 s but 9 failures (120 s timeouts, Prisma's 2 s transaction wait): under CPU
// starvation 4 is not deterministic, so it stays opt-in (an earlier, quieter run: 195 s → 125 s).
const dbWorkers = process.env.TEST_DB_WORKERS ? Number(process.env.TEST_DB_WORKERS) : undefined;

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
      { extends: true, test: { name: "unit", include: ["features/**/*.test.ts", "lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: "db:embedded",
          include: ["tests/db/**/*.test.ts", "tests/embedded/**/*.test.ts"],
          env: { TEST_DB: "embedded" },
          globalSetup: ["tests/setup/embedded-pg.ts"],
          maxWorkers: dbWorkers,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: "db:postgres", include: ["tests/db/**/*.test.ts"], env: { TEST_DB: "postgres" }, maxWorkers: dbWorkers, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
