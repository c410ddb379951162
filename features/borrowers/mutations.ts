import "server-only";
import type { BorrowerRecord } from "@/features/import/types";
import type { ScoreModel } from "@/features/scoring/model-types";
import type { PolicyConfig } from "@/features/policy/schema";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { bulkInsert } from "@/lib/db/bulk";
import { balanceOf, type ScoreRow } from "./score-rows";

export type Progress = (step: string, done: number, total: number) => void;

const BORROWER_COLUMNS = { id: "int", limit: "int", sex: "int", education: "int", marriage: "int", age: "int", outcome: "int" };
const STATEMENT_COLUMNS = { borrowerId: "int", month: "text", limit: "int", bill: "int", balance: "int", payment: "int", repaymentStatus: "int" };
const SCORE_COLUMNS = {
  borrowerId: "int", month: "text", score: "int", pd: "float8", tier: '"Tier"', previousTier: '"Tier"', tierChange: "int",
  limit: "int", balance: "int", utilization: "float8", modelVersion: "text", reasonCodes: "jsonb",
};

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
      const borrowers = rows.map(({ months: _months, ...b }) => b);
      await bulkInsert(tx, "Borrower", BORROWER_COLUMNS, borrowers, (d, t) => progress("borrowers", d, t));
      const statements = rows.flatMap((b) => b.months.map((m) => ({
        borrowerId: b.id, month: m.month, limit: b.limit, bill: m.bill, balance: balanceOf(m.bill), payment: m.payment, repaymentStatus: m.status,
      })));
      await bulkInsert(tx, "Statement", STATEMENT_COLUMNS, statements, (d, t) => progress("statements", d, t));
      await bulkInsert(tx, "Score", SCORE_COLUMNS, scores, (d, t) => progress("scores", d, t));
      await tx.scoreModel.create({
        data: { version: model.version, model: model as unknown as Prisma.InputJsonValue, auc: model.holdout.auc, ks: model.holdout.ks, gini: model.holdout.gini, active: true },
      });
      const active = await tx.policy.create({
        data: { version: 1, status: "ACTIVE", name: "Default policy", config: policy as unknown as Prisma.InputJsonValue, authorEmail: "system (seed)", activatedAt: new Date() },
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
