/**
 * The naive path, for scale: the real 30 k portfolio seeded into a scratch database (on the running
 * embedded server, started if needed, or DATABASE_URL's server; dropped afterwards) exactly as the
 * app seeds it, then Prisma findMany of every borrower's latest score row (with the borrower and its
 * statements) and a plain JS loop (the reference preview) over the objects.
 */
import { randomBytes } from "node:crypto";
import { openDatabase } from "@/lib/db/connect";
import { closeDb, installDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import type { PolicyConfig } from "@/features/policy/schema";
import type { BorrowerInput } from "@/features/policy/preview/columns";
import { referencePreview } from "@/features/policy/preview/reference";
import { migrateAndSeed } from "../seed-lib";

export async function openSeededScratchDb() {
  const server = await openDatabase();
  const name = `limitdesk_bench_${randomBytes(6).toString("hex")}`;
  await server.sql.exec(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  await applyMigrations(db.sql);
  installDatabase(db);
  await migrateAndSeed({ log: () => undefined });
  const close = async () => {
    await closeDb();
    await server.sql.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.close();
  };
  return { prisma: db.prisma, close };
}

type Prisma = Awaited<ReturnType<typeof openSeededScratchDb>>["prisma"];

export async function naivePreview(prisma: Prisma, month: string, active: PolicyConfig, draft: PolicyConfig) {
  const rows = await prisma.score.findMany({
    where: { month },
    include: {
      borrower: { include: { statements: { where: { month: { lte: month } }, orderBy: { month: "asc" } } } },
    },
  });
  const borrowers: BorrowerInput[] = rows.map((r) => ({
    id: r.borrowerId,
    score: r.score,
    pd: r.pd,
    limit: r.limit,
    balance: r.balance,
    statuses: r.borrower.statements.map((s) => s.repaymentStatus),
    outcome: r.borrower.outcome,
    sex: r.borrower.sex,
    age: r.borrower.age,
  }));
  return referencePreview(borrowers, month, active, draft);
}
