import type { PolicyConfig, Tier } from "./schema";

/** LOW risk at or above cutoffs.low, MEDIUM at or above cutoffs.medium, HIGH below. */
export function tierFor(score: number, cutoffs: PolicyConfig["cutoffs"]): Tier {
  if (score >= cutoffs.low) return "LOW";
  if (score >= cutoffs.medium) return "MEDIUM";
  return "HIGH";
}

const RANK: Record<Tier, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };

/** +1 when the borrower moved to a riskier tier, -1 to a safer one, 0 otherwise. */
export function tierChange(previous: Tier | null, current: Tier): -1 | 0 | 1 {
  if (!previous) return 0;
  return Math.sign(RANK[current] - RANK[previous]) as -1 | 0 | 1;
}
