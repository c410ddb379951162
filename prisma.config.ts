// Prisma CLI config: the JavaScript schema engine (no engine binary to download) through the pg
// adapter. `generate` needs no database; `migrate diff`/`status` connect to DATABASE_URL when it
// names a server, otherwise to the embedded server (started if needed, and then stopped when the
// CLI exits). Migrations are applied by scripts/migrate.ts, not by this CLI.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { ensureEmbeddedServer, requestStop } from "./lib/db/embedded";

const configured = process.env.DATABASE_URL;
const isServer = !!configured && /^postgres(ql)?:\/\//.test(configured) && !configured.startsWith("postgresql://embedded/");
process.env.DATABASE_URL ??= "postgresql://embedded/limitdesk";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => {
    if (isServer) return new PrismaPg({ connectionString: configured });
    const server = await ensureEmbeddedServer();
    // The CLI has no close hook and an exit hook cannot wait: ask PostgreSQL for its fast
    // shutdown, which it completes on its own.
    if (server.owned) process.once("exit", () => requestStop(server.dir));
    return new PrismaPg({ connectionString: server.url });
  },
});
