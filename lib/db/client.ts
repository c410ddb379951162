// The process-wide database. Kept on globalThis because Next bundles route handlers and pages
// separately: a module-level singleton would open a second pool (and could start the embedded
// server twice) in one process.
import { openDatabase, type Database } from "./connect";

const holder = globalThis as typeof globalThis & { __limitDeskDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  holder.__limitDeskDb ??= openDatabase();
  return holder.__limitDeskDb;
}

export async function getPrisma() {
  return (await getDb()).prisma;
}

/** Scripts and tests install the database they opened themselves. */
export function installDatabase(db: Database) {
  holder.__limitDeskDb = Promise.resolve(db);
}

export async function closeDb() {
  const db = holder.__limitDeskDb;
  holder.__limitDeskDb = undefined;
  if (db) await (await db).close();
}
