// Override guardrails (issue 11 §1). Pure: the proposal API, the inbox, the report and the tests
// share them. A manual proposal that breaks a rule of the ACTIVE policy is an override: it names
// every rule it breaks, needs a reason from OVERRIDE_REASONS plus free text, and stricter
// authority. The hard per-borrower ceiling is not an override: it is refused outright.
import type { PolicyConfig } from "@/features/policy/schema";
import type { Settings } from "@/features/settings/schema";

export const OVERRIDE_RULES = ["ABOVE_MAX_LIMIT", "BELOW_MIN_LIMIT", "INCREASE_HIGH_TIER", "INCREASE_AFTER_DELAY", "CHANGE_TOO_LARGE"] as const;
export type OverrideRuleCode = (typeof OVERRIDE_RULES)[number];
export type OverrideRule = { code: OverrideRuleCode; message: string };

/** Closed list of reasons an analyst may give for an override (label shown in the UI and report). */
export const OVERRIDE_REASONS: ReadonlyMap<string, string> = new Map([
  ["VERIFIED_INCOME", "Verified income or assets not in the data"],
  ["RELATIONSHIP", "Long customer relationship, other products in good standing"],
  ["DATA_ERROR", "Repayment data known to be wrong (correction pending)"],
  ["HARDSHIP", "Hardship arrangement agreed with the borrower"],
  ["COLLATERAL", "Secured by a deposit or guarantee"],
  ["OTHER", "Other (explained in the text)"],
]);

export type ProposalFacts = {
  oldLimit: number;
  newLimit: number;
  tier: "LOW" | "MEDIUM" | "HIGH";
  /** Months back (0 = latest) to the newest delayed repayment; 255 = none. */
  monthsSinceDelay: number;
};

const ntd = (n: number) => `NT$${n.toLocaleString("en-US")}`;

/** Every rule of `policy` (and of the change-ratio setting) the proposal breaks, in a fixed order. */
export function overrideRules(p: ProposalFacts, policy: PolicyConfig | null, settings: Pick<Settings, "overrideChangePct">): OverrideRule[] {
  const rules: OverrideRule[] = [];
  const increase = p.newLimit > p.oldLimit;
  if (policy) {
    if (increase && p.newLimit > policy.maxLimit) {
      rules.push({ code: "ABOVE_MAX_LIMIT", message: `${ntd(p.newLimit)} is above the policy's maximum limit of ${ntd(policy.maxLimit)}` });
    }
    if (!increase && p.newLimit < policy.minLimit) {
      rules.push({ code: "BELOW_MIN_LIMIT", message: `${ntd(p.newLimit)} is below the policy's minimum limit of ${ntd(policy.minLimit)}` });
    }
    if (increase && p.tier === "HIGH") {
      rules.push({ code: "INCREASE_HIGH_TIER", message: "an increase for a HIGH-tier borrower (the policy never raises HIGH)" });
    }
    const months = policy.noIncreaseIfDelayedWithinMonths;
    if (increase && months > 0 && p.monthsSinceDelay < months) {
      rules.push({ code: "INCREASE_AFTER_DELAY", message: `an increase although a repayment was late within the last ${months} months` });
    }
  }
  const pct = p.oldLimit > 0 ? (Math.abs(p.newLimit - p.oldLimit) * 100) / p.oldLimit : Infinity;
  if (pct > settings.overrideChangePct) {
    rules.push({ code: "CHANGE_TOO_LARGE", message: `a change of ${Math.round(pct)} % of the current limit (more than ${settings.overrideChangePct} %)` });
  }
  return rules;
}

/** Hard ceiling: a message when `newLimit` is above it, else null. */
export function aboveHardCap(newLimit: number, settings: Pick<Settings, "maxLimitPerBorrower">): string | null {
  return newLimit > settings.maxLimitPerBorrower
    ? `must be at most ${ntd(settings.maxLimitPerBorrower)}: the per-borrower ceiling (setting maxLimitPerBorrower) is never overridden`
    : null;
}

/** Approvals an override needs: the stricter of the threshold rule and the override setting. */
export function overrideAuthority(baseApprovals: number, settings: Pick<Settings, "overrideApprovals" | "overrideNeedsAdmin">) {
  return { requiredApprovals: Math.max(baseApprovals, settings.overrideApprovals), needsAdmin: settings.overrideNeedsAdmin };
}
