// Applies the override guardrails to a manual proposal (issue 11 §1): the hard ceiling is a 400;
// a proposal breaking policy rules needs `override` (400 naming each rule otherwise); an override
// given for a proposal that breaks nothing is a 400 too, so the report never counts a non-override.
import type { PolicyConfig } from "@/features/policy/schema";
import type { Settings } from "@/features/settings/schema";
import type { Prisma } from "@/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import { aboveHardCap, overrideAuthority, overrideRules, type ProposalFacts } from "@/features/overrides/rules";

type Input = { newLimit: number; override?: { reason: string; text: string } };

export function checkOverride(state: Omit<ProposalFacts, "oldLimit" | "newLimit"> & { limit: number }, input: Input, policy: PolicyConfig | null, settings: Settings) {
  const cap = aboveHardCap(input.newLimit, settings);
  if (cap && input.newLimit > state.limit) {
    throw new ApiError(400, `A limit above the per-borrower ceiling of NT$${settings.maxLimitPerBorrower.toLocaleString("en-US")} is refused.`, [{ field: "body.newLimit", message: cap }], {
      maxLimitPerBorrower: settings.maxLimitPerBorrower,
    });
  }
  const rules = overrideRules({ oldLimit: state.limit, newLimit: input.newLimit, tier: state.tier, monthsSinceDelay: state.monthsSinceDelay }, policy, settings);
  if (rules.length && !input.override) {
    throw new ApiError(
      400,
      `This proposal is an override of the active policy (${rules.map((r) => r.code).join(", ")}): give an override reason and text.`,
      rules.map((r) => ({ field: "body.override", message: `${r.code}: ${r.message}` })),
      { override: { rules } },
    );
  }
  if (!rules.length && input.override) {
    throw new ApiError(400, "Invalid body: body.override", [{ field: "body.override", message: "this proposal breaks no rule of the active policy: it is not an override" }]);
  }
  const isOverride = rules.length > 0;
  return {
    rules,
    columns: isOverride
      ? { overrideRules: rules as unknown as Prisma.InputJsonValue, overrideReason: input.override!.reason, overrideText: input.override!.text }
      : { overrideRules: undefined, overrideReason: null, overrideText: null },
    authority: (base: number) => (isOverride ? overrideAuthority(base, settings) : { requiredApprovals: base, needsAdmin: false }),
  };
}
