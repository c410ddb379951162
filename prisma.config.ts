// Prisma CLI config: the JavaScript schema engine through the PGlite adapter, so `generate`,
// `migrate diff` and `migrate status` run offline with no engine binary. PostgreSQL servers are
// migrated by scripts/migrate.ts (the CLI's JS engine cannot read a server's catalog).
import path from "node:path";
import { defineConfig } from "prisma/config";
import type { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

process.env.DATABASE_URL ??= "postgresql://embedded/limitdesk";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => {
    const dir = process.env.PRISMA_CLI_PGLITE_DIR;
    // Typed against an older @prisma/driver-adapter-utils; the runtime contract is the same.
    return new PrismaPGlite(new PGlite(dir ?? "memory://")) as unknown as PrismaPg;
  },
});
