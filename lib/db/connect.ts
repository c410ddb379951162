// Opens the one database Limit Desk uses: a PostgreSQL server when DATABASE_URL is a
// postgres:// URL, otherwise embedded PostgreSQL (PGlite) in a folder of the project.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@/generated/prisma/client";
import type { PrismaPg } from "@prisma/adapter-pg";

export type SqlRunner = {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
};

export type Database = {
  kind: "pglite" | "postgres";
  /** Where the data lives: a folder for PGlite, the URL without password for PostgreSQL. */
  location: string;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
};

export function isServerUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url) && !url.startsWith("postgresql://embedded/");
}

/** PGLITE_DIR, default `.data/pglite` in the project; `memory://` keeps everything in memory (tests). */
export function pgliteDir(): string {
  const dir = process.env.PGLITE_DIR;
  if (dir?.startsWith("memory://")) return dir;
  return path.resolve(/*turbopackIgnore: true*/ dir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite"));
}

export async function openDatabase(url = process.env.DATABASE_URL): Promise<Database> {
  return isServerUrl(url) ? openPostgres(url) : openPglite(pgliteDir());
}

async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // PGlite creates only the last folder of the path; a fresh clone has no `.data/` yet.
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  await pglite.waitReady;
  // The adapter is typed against an older @prisma/driver-adapter-utils; the runtime contract is the same.
  const adapter = new PrismaPGlite(pglite) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  return {
    kind: "pglite",
    location: dir,
    prisma,
    sql: {
      query: async (q, params) => (await pglite.query(q, params)).rows as never,
      exec: async (q) => void (await pglite.exec(q)),
    },
    // PGlite keeps the process alive until it is closed, after Prisma lets go of it.
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pg = await import("pg");
  const pool = new pg.default.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    location: url.replace(/:[^:@/]*@/, ":***@"),
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
