import { z } from "zod";

export const overrideReportQuerySchema = z.strictObject({
  format: z.enum(["json", "csv"]).default("json"),
});

/** One group of the override report (by proposer, tier or month). */
export type OverrideGroup = {
  key: string;
  /** Manual proposals in the group. */
  proposals: number;
  overrides: number;
  /** overrides / proposals (0 when there are no proposals). */
  overrideRate: number;
  approved: number;
  rejected: number;
  pending: number;
  /** Overridden borrowers whose observed outcome (default in October 2005) is known. */
  outcomesKnown: number;
  /** … of them defaulted. */
  defaulted: number;
  /** defaulted / outcomesKnown, null when none is known. */
  badRate: number | null;
};
export type OverrideReport = { byProposer: OverrideGroup[]; byTier: OverrideGroup[]; byMonth: OverrideGroup[]; byRule: Array<{ rule: string; overrides: number }> };
