// How tiers look everywhere (badges, chart series, chips): one place so colours stay consistent.
import type { Tier } from "./schema";

/** Display order: safest first. */
export const TIER_ORDER: readonly Tier[] = ["LOW", "MEDIUM", "HIGH"];

export const TIER_LABEL: Record<Tier, string> = { LOW: "Low risk", MEDIUM: "Medium risk", HIGH: "High risk" };

/** Chart fills (700 shades: ≥ 3:1 against white for graphical objects). */
export const TIER_COLOR: Record<Tier, string> = { LOW: "#15803d", MEDIUM: "#b45309", HIGH: "#b91c1c" };

/** Light tints for chart background bands. */
export const TIER_TINT: Record<Tier, string> = { LOW: "#dcfce7", MEDIUM: "#fef3c7", HIGH: "#fee2e2" };

/** Badge classes: dark text on a light tint keeps contrast well above 4.5:1. */
export const TIER_BADGE_CLASS: Record<Tier, string> = {
  LOW: "bg-green-50 text-green-800 ring-green-600/30",
  MEDIUM: "bg-amber-50 text-amber-900 ring-amber-600/30",
  HIGH: "bg-red-50 text-red-800 ring-red-600/30",
};
