// Turns the imported portfolio into stored Score rows: score every borrower for each scored
// month with only the data known at that month, then tier it and compare with the month before.
import type { BorrowerRecord } from "@/features/import/types";
import type { ScoreModel } from "@/features/scoring/model-types";
import { scoreAsOf, SCORED_MONTH_INDEXES } from "@/features/scoring/scorecard";
import { storeReasons, type StoredReasonCode } from "@/features/scoring/reason-store";
import type { PolicyConfig, Tier } from "@/features/policy/schema";
import { tierChange, tierFor } from "@/features/policy/tiering";

export type ScoreRow = {
  borrowerId: number;
  month: string;
  score: number;
  pd: number;
  tier: Tier;
  previousTier: Tier | null;
  tierChange: number;
  limit: number;
  balance: number;
  utilization: number;
  modelVersion: string;
  /** Stored form, without the words (features/scoring/reason-store.ts). */
  reasonCodes: StoredReasonCode[];
};

/** Balance owed: a negative bill is a credit in the borrower's favour, not a balance. */
export const balanceOf = (bill: number) => Math.max(bill, 0);

export function buildScoreRows(rows: BorrowerRecord[], model: ScoreModel, cutoffs: PolicyConfig["cutoffs"]): ScoreRow[] {
  const out: ScoreRow[] = [];
  for (const b of rows) {
    let previous: Tier | null = null;
    for (const mi of SCORED_MONTH_INDEXES) {
      const scored = scoreAsOf(model, b, mi);
      const tier = tierFor(scored.score, cutoffs);
      const balance = balanceOf(b.months[mi].bill);
      out.push({
        borrowerId: b.id,
        month: b.months[mi].month,
        score: scored.score,
        pd: scored.pd,
        tier,
        previousTier: previous,
        tierChange: tierChange(previous, tier),
        limit: b.limit,
        balance,
        utilization: b.limit > 0 ? balance / b.limit : 0,
        modelVersion: model.version,
        reasonCodes: storeReasons(scored.reasonCodes),
      });
      previous = tier;
    }
  }
  return out;
}
