/**
 * Repayment-status coding harmonised across months.
 *
 * The UCI data code status 1 ("one month late") almost only in the latest month: PAY_0
 * (September) 3,688 borrowers, PAY_2..PAY_6 28 / 4 / 2 / 0 / 0. The September code 1 is drawn
 * from borrowers who in every older month would have kept the code they had the month before:
 * of the 3,688, 1,672 were 2 months late in August (older months: 2 -> 2 is the usual move),
 * 1,221 were "no use" (-2) and 612 "paid in full" (-1) — and 1,154 of those 1,221 had no bill at
 * all in September. So status 1 is mapped to the previous month's harmonised status when that was
 * "not late" (-2, -1, 0), and to 2 ("2 months late") when the borrower was already late; with no
 * previous month it counts as 0. Every other code is kept. The result has the same codes, and
 * nearly the same month-to-month transitions, in every month (README "Repayment-status coding").
 */
import type { MonthRecord } from "@/features/import/types";

export const HARMONISED_LATE = 2;

/** Harmonised status of month `cur` given the previous month's harmonised status (null = none). */
export function harmoniseStatus(cur: number, prevHarmonised: number | null): number {
  if (cur !== 1) return cur;
  if (prevHarmonised === null) return 0;
  return prevHarmonised >= 1 ? HARMONISED_LATE : prevHarmonised;
}

/** Harmonised statuses of a history (oldest first); uses only months at or before each one. */
export function harmonisedStatuses(hist: MonthRecord[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < hist.length; i++) out.push(harmoniseStatus(hist[i].status, i === 0 ? null : out[i - 1]));
  return out;
}
