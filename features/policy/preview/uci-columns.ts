/**
 * The real UCI portfolio as preview input, for tests and the benchmark: every borrower scored as
 * of September 2005 (month index 5) with the committed scorecard, as the seed does.
 */
import type { BorrowerRecord } from "@/features/import/types";
import type { ScoreModel } from "@/features/scoring/model-types";
import { scoreAsOf } from "@/features/scoring/scorecard";
import { harmonisedStatuses } from "@/features/scoring/harmonise";
import { columnsFromRecords, type BorrowerInput, type PortfolioColumns } from "./columns";

export const UCI_LATEST_MONTH_INDEX = 5;

export function borrowerInputsFromUci(rows: readonly BorrowerRecord[], model: ScoreModel): BorrowerInput[] {
  const mi = UCI_LATEST_MONTH_INDEX;
  return rows.map((b) => {
    const { score, pd } = scoreAsOf(model, b, mi);
    return {
      id: b.id,
      score,
      pd,
      limit: b.limit,
      balance: Math.max(b.months[mi].bill, 0),
      // The harmonised coding (features/scoring/harmonise.ts), as BorrowerState.monthsSinceDelay reads it.
      statuses: harmonisedStatuses(b.months.slice(0, mi + 1)),
      outcome: b.outcome,
      sex: b.sex,
      age: b.age,
    };
  });
}

export function columnsFromUci(rows: readonly BorrowerRecord[], model: ScoreModel): PortfolioColumns {
  const month = rows[0]?.months[UCI_LATEST_MONTH_INDEX].month ?? "";
  return columnsFromRecords(borrowerInputsFromUci(rows, model), month);
}
