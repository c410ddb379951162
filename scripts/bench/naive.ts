/**
 * The naive path, for scale: the real 30 k portfolio seeded into an in-memory PGlite exactly as the
 * app seeds it, then Prisma findMany of every borrower's latest score row (with the borrower and its
 * statements) and a plain JS loop (the reference preview) over the objects.
 */
import { openDatabase } from "@/lib/db/connect";
import { closeDb, installDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import type { PolicyConfig } from "@/features/policy/schema";
import type { BorrowerInput } from "@/features/policy/preview/columns";
import { referencePreview } from "@/features/policy/preview/reference";
import { migrateAndSeed } from "../seed-lib";

export async function openSeededPglite() {
  process.env.PGLITE_DIR = "memory://";
  const db = await openDatabase(undefined); // never a server, whatever DATABASE_URL says
  await applyMigrations(db.sql);
  installDatabase(db);
  await migrateAndSeed({ log: () => undefined });
  return { prisma: db.prisma, close: closeDb };
}

type Prisma = Awaited<ReturnType<typeof openSeededPglite>>["prisma"];

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
