/** Window helpers shared by the characteristic definitions (features.ts, features-more.ts). */
import type { MonthRecord } from "@/features/import/types";
import { harmonisedStatuses } from "./harmonise";

export const WINDOW = 3;
export const LONG_WINDOW = 6;

export const recent = (h: MonthRecord[], n = WINDOW) => h.slice(-n);
// One harmonisation per history, however many characteristics read it (scoring computes all of a
// borrower's characteristics from the same `hist` array; the arrays are never mutated after).
const harmonised = new WeakMap<MonthRecord[], number[]>();
export function statuses(h: MonthRecord[], n: number): number[] {
  let s = harmonised.get(h);
  if (!s) harmonised.set(h, (s = harmonisedStatuses(h)));
  return s.slice(-n);
}
export const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
export const share = (xs: number[], test: (x: number) => boolean) => xs.filter(test).length / xs.length;

/**
 * Payment of each month in the last min(n, known - 1) months over the bill it pays (the month
 * before), capped at 1; 1 when nothing was owed.
 */
export function paymentRatios(h: MonthRecord[], n: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(1, h.length - n); i < h.length; i++) {
    const owed = Math.max(0, h[i - 1].bill);
    out.push(owed <= 0 ? 1 : Math.min(1, h[i].payment / owed));
  }
  return out;
}
