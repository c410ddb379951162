import type { Tier } from "@/features/policy/schema";
import { TIER_BADGE_CLASS, TIER_LABEL } from "@/features/policy/tier-display";
import { Badge } from "./badge";

/** A risk tier in words and colour; "—" when there is no tier (e.g. a month without a score). */
export function TierBadge({ tier }: { tier: Tier | null | undefined }) {
  if (!tier) return <span className="text-slate-500">—</span>;
  return <Badge className={TIER_BADGE_CLASS[tier]}>{TIER_LABEL[tier]}</Badge>;
}
