// The policy run's proposal rule as SQL over "BorrowerState" s: the same rule, in the same order,
// as the preview's loop (features/policy/preview/preview.ts) so the run's proposals equal the
// preview's changes. Pure: it only builds text; numbers come from a validated PolicyConfig.
import type { PolicyConfig } from "@/features/policy/schema";
import { changeFactor, roundToThousandSql } from "@/features/policy/preview/rounding";

const int = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
};

/** The tier of `score` under the config's cut-offs, as a "Tier" value. */
export function tierSql(config: PolicyConfig, score = `s."score"`): string {
  return `(CASE WHEN ${score} >= ${int(config.cutoffs.low)} THEN 'LOW' WHEN ${score} >= ${int(config.cutoffs.medium)} THEN 'MEDIUM' ELSE 'HIGH' END)::"Tier"`;
}

/** The rounded, unclamped proposal: the tier's change factor applied to the current limit. */
export function roundedSql(config: PolicyConfig): string {
  const f = (t: keyof PolicyConfig["actions"]) => int(changeFactor(config.actions[t].changePct));
  const factor = `(CASE WHEN s."score" >= ${int(config.cutoffs.low)} THEN ${f("LOW")} WHEN s."score" >= ${int(config.cutoffs.medium)} THEN ${f("MEDIUM")} ELSE ${f("HIGH")} END)`;
  return roundToThousandSql(`s."limit"`, factor);
}

/**
 * The proposed limit given `p0` (the rounded proposal, e.g. a LATERAL column): an increase is
 * blocked by a recent delay and capped at maxLimit (the cap never cuts); a cut is floored at
 * minLimit and at the balance rounded up to NT$1,000, and never becomes an increase.
 */
export function proposedSql(config: PolicyConfig, p0: string): string {
  const floor = `(ceil(s."balance"::numeric / 1000) * 1000)::bigint`;
  return `(CASE
    WHEN ${p0} > s."limit" THEN CASE
      WHEN s."monthsSinceDelay" < ${int(config.noIncreaseIfDelayedWithinMonths)} THEN s."limit"
      WHEN ${p0} > ${int(config.maxLimit)} THEN GREATEST(${int(config.maxLimit)}, s."limit")
      ELSE ${p0} END
    WHEN ${p0} < s."limit" THEN LEAST(GREATEST(${p0}, ${int(config.minLimit)}, ${floor}), s."limit")
    ELSE s."limit" END)::int`;
}

const RANK = (t: string) => `(CASE ${t} WHEN 'LOW' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END)`;
/** +1 riskier tier after, -1 safer, 0 same (tiering.ts tierChange). */
export const tierMoveSql = (before: string, after: string) => `sign(${RANK(after)} - ${RANK(before)})::int`;
