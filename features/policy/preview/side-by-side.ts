// Previews you can judge (issue 11 §4): the draft's preview plus the ACTIVE policy's own run on the
// same portfolio (active vs itself), so backtest, fairness, utilisation shock, expected loss and
// available credit can be shown side by side with the difference. Two passes over the columns.
import type { PolicyConfig } from "@/features/policy/schema";
import type { PortfolioColumns } from "./columns";
import { previewPolicy } from "./preview";
import type { PolicyPreview } from "./types";

export type Baseline = Pick<PolicyPreview, "backtest" | "utilizationShock" | "expectedLoss" | "fairness" | "availableCredit" | "changes">;
export type JudgedPreview = PolicyPreview & { baseline: Baseline };

export function previewWithBaseline(cols: PortfolioColumns, active: PolicyConfig, draft: PolicyConfig): JudgedPreview {
  const own = previewPolicy(cols, active, active);
  const { backtest, utilizationShock, expectedLoss, fairness, availableCredit, changes } = own;
  return { ...previewPolicy(cols, active, draft), baseline: { backtest, utilizationShock, expectedLoss, fairness, availableCredit, changes } };
}

/** The lowest adverse-impact ratio per attribute (the group a reviewer looks at first). */
export function worstAir(fairness: PolicyPreview["fairness"], attribute: "sex" | "age"): number | null {
  const airs = fairness.groups.filter((g) => g.attribute === attribute).map((g) => g.air);
  return airs.length ? Math.min(...airs) : null;
}
