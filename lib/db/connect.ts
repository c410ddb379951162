// Opens the one database Limit Desk uses, always PostgreSQL: the server DATABASE_URL names, or
// else the embedded server of the project's data folder (lib/db/embedded.ts), found running or
// started by this process (and then stopped again by close()).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type SqlRunner = {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
};

export type Database = {
  kind: "embedded" | "postgres";
  /** Where the data lives: the URL without its password (and the folder, when embedded). */
  location: string;
  /** The real connection URL (with password), for pg-boss and child processes. */
  url: string;
  /** The pool Prisma uses, for what Prisma cannot do (COPY streams). */
  pool: pg.Pool;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
};

/** `postgresql://embedded/…` is the placeholder prisma.config.ts sets for the CLI: not a server. */
export function isServerUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url) && !url.startsWith("postgresql://embedded/");
}

export const redactUrl = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

export async function openDatabase(url = process.env.DATABASE_URL): Promise<Database> {
  // `npm start` hands its children the embedded server's URL and says so (LIMITDESK_PG_EMBEDDED=1).
  if (isServerUrl(url)) return openPool(url, process.env.LIMITDESK_PG_EMBEDDED === "1" && url === process.env.DATABASE_URL ? "embedded" : "postgres");
  const { ensureEmbeddedServer } = await import("./embedded");
  const server = await ensureEmbeddedServer({ log: (l) => console.log(l) });
  const db = openPool(server.url, "embedded", server.dir);
  return {
    ...db,
    close: async () => {
      await db.close();
      await server.release();
    },
  };
}

function openPool(url: string, kind: Database["kind"], dir?: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
  // An idle client whose server went away must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind,
    location: dir ? `${dir} (${redactUrl(url)})` : redactUrl(url),
    url,
    pool,
    prisma,
    sql: {
      query: async (q, params) => (await pool.query(q, params as unknown[])).rows,
      exec: async (q) => void (await pool.query(q)),
    },
    close: async () => {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}
