/**
 * SYNTHETIC next month for the scale portfolio (README "Scale"): one statements row per borrower
 * with a current state, for the month after the latest imported one, BOOTSTRAPPED FROM THE
 * BORROWER'S OWN HISTORY with a fixed-seed PRNG per borrower: bill, payment and repayment status
 * are those of one of its own last six months, picked at random; the limit is the current limit
 * (a statement's limit must equal it). Not real data: it only measures the import at scale.
 */
import { prng } from "@/scripts/bench/bootstrap";
import { monthsBack } from "@/features/imports/month-monitoring";

export type OwnHistory = { id: number; limit: number; bills: number[]; payments: number[]; statuses: number[] };

/** The month after `m` (YYYY-MM). */
export const nextMonth = (m: string) => monthsBack(m, -1);

/** Seed per (seed, borrower id), so any borrower's row can be made on its own. */
function borrowerSeed(seed: number, id: number): number {
  let h = (seed ^ Math.imul(id, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The synthetic statements line of one borrower (history oldest first, at least one month). */
export function nextMonthLine(month: string, h: OwnHistory, seed: number): string {
  const k = Math.floor(prng(borrowerSeed(seed, h.id))() * h.bills.length);
  return `${h.id},${month},${h.limit},${h.bills[k]},${h.payments[k]},${h.statuses[k]}\n`;
}
