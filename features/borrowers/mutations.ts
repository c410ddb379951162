import type { BorrowerRecord } from "@/features/import/types";
import type { ScoreModel } from "@/features/scoring/model-types";
import type { PolicyConfig } from "@/features/policy/schema";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { balanceOf, type ScoreRow } from "./score-rows";

export type Progress = (step: string, done: number, total: number) => void;

const CHUNK = 5_000;

async function insertChunked<T>(label: string, rows: T[], insert: (chunk: T[]) => Promise<unknown>, progress: Progress) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await insert(rows.slice(i, i + CHUNK));
    progress(label, Math.min(i + CHUNK, rows.length), rows.length);
  }
}

/**
 * Imports the portfolio, its scores, the scorecard and the default policy in ONE transaction:
 * a crash half-way leaves an empty database that the next start seeds again.
 */
export async function importPortfolio(
  input: { rows: BorrowerRecord[]; scores: ScoreRow[]; model: ScoreModel; policy: PolicyConfig; source: string },
  progress: Progress,
) {
  const prisma = await getPrisma();
  const { rows, scores, model, policy } = input;
  await prisma.$transaction(
    async (tx) => {
      await insertChunked("borrowers", rows, (c) => tx.borrower.createMany({
        data: c.map((b) => ({ id: b.id, limit: b.limit, sex: b.sex, education: b.education, marriage: b.marriage, age: b.age, outcome: b.outcome })),
      }), progress);
      const statements = rows.flatMap((b) => b.months.map((m) => ({
        borrowerId: b.id, month: m.month, limit: b.limit, bill: m.bill, balance: balanceOf(m.bill), payment: m.payment, repaymentStatus: m.status,
      })));
      await insertChunked("statements", statements, (c) => tx.statement.createMany({ data: c }), progress);
      await insertChunked("scores", scores, (c) => tx.score.createMany({ data: c as Prisma.ScoreCreateManyInput[] }), progress);
      await tx.scoreModel.create({
        data: { version: model.version, model: model as unknown as Prisma.InputJsonValue, auc: model.holdout.auc, ks: model.holdout.ks, gini: model.holdout.gini, active: true },
      });
      const active = await tx.policy.create({
        data: { version: 1, status: "ACTIVE", name: "Default policy", config: policy as unknown as Prisma.InputJsonValue, activatedAt: new Date() },
      });
      await recordAudit(tx, {
        actor: null,
        action: "seed.imported",
        entityType: "Portfolio",
        entityId: input.source,
        after: { borrowers: rows.length, statements: statements.length, scores: scores.length, modelVersion: model.version, policyId: active.id },
      });
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

export async function portfolioIsEmpty() {
  const prisma = await getPrisma();
  return (await prisma.borrower.count()) === 0;
}
