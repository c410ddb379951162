/**
 * SYNTHETIC scale portfolio: borrowers bootstrapped from the 30,000 real rows (each synthetic
 * borrower starts from one real borrower, picked with a fixed-seed PRNG) with perturbed amounts, so
 * rows are not exact copies (a plain bootstrap of 10 M had only 28,698 distinct rows, which makes a
 * grouped query look free). Never the default data; ids start above SYNTHETIC_ID_BASE, far outside
 * the real range 1–30,000.
 *
 * Perturbation, chosen to stay plausible and consistent:
 * - limit × a factor in [0.74, 1.35], rounded to a multiple of NT$10,000 within [10,000, 1,000,000]
 *   (the real data's grid and range);
 * - bills and payments × (the limit's factor ± 10 %, per borrower) ± 3 % / ± 5 % per month, so
 *   utilisation stays near the source's; zero stays zero (no use, no payment), signs are kept
 *   (a credit stays a credit), and a payment that paid the previous bill in full still does;
 * - age ± 2 years (21–79); repayment statuses, sex, education, marriage and the outcome are kept.
 * Balance = max(bill, 0) and the scores are computed from these amounts by the real scorecard.
 */
import type { BorrowerRecord, MonthRecord } from "@/features/import/types";
import { prng } from "@/scripts/bench/bootstrap";

export const SYNTHETIC_ID_BASE = 100_000_000;
export const DEFAULT_SCALE_SEED = 20051001;
export const LIMIT_STEP = 10_000;
const MIN_LIMIT = 10_000;
const MAX_LIMIT = 1_000_000;

/** A well-mixed 32-bit seed per (seed, index): any borrower can be generated on its own. */
function rowSeed(seed: number, k: number): number {
  let h = (seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Synthetic borrower number k (0-based) of the portfolio made with `seed` from `base`. */
export function syntheticBorrower(base: readonly BorrowerRecord[], k: number, seed = DEFAULT_SCALE_SEED): BorrowerRecord {
  const random = prng(rowSeed(seed, k));
  const src = base[Math.floor(random() * base.length)]; // = base[sourceIndex(base.length, k, seed)]
  const limitFactor = Math.exp((random() - 0.5) * 0.6);
  const limit = clamp(Math.round((src.limit * limitFactor) / LIMIT_STEP) * LIMIT_STEP, MIN_LIMIT, MAX_LIMIT);
  const amountFactor = (limit / src.limit) * Math.exp((random() - 0.5) * 0.2);
  const months: MonthRecord[] = [];
  for (let m = 0; m < src.months.length; m++) {
    const s = src.months[m];
    const bill = Math.round(s.bill * amountFactor * (1 + (random() - 0.5) * 0.06));
    let payment = Math.round(s.payment * amountFactor * (1 + (random() - 0.5) * 0.1));
    // Paid the previous statement in full in the real row → still pays it in full here.
    if (m > 0 && s.payment > 0 && s.payment === src.months[m - 1].bill) payment = Math.max(months[m - 1].bill, 0);
    months.push({ month: s.month, bill, payment, status: s.status });
  }
  const age = clamp(src.age + Math.floor(random() * 5) - 2, 21, 79);
  return { id: SYNTHETIC_ID_BASE + k + 1, limit, sex: src.sex, education: src.education, marriage: src.marriage, age, outcome: src.outcome, months };
}

/** Which real row synthetic borrower k starts from (its first draw). */
export function sourceIndex(baseLength: number, k: number, seed = DEFAULT_SCALE_SEED): number {
  return Math.floor(prng(rowSeed(seed, k))() * baseLength);
}

/** Borrowers k = from … to−1, in order. */
export function* syntheticBorrowers(base: readonly BorrowerRecord[], from: number, to: number, seed = DEFAULT_SCALE_SEED): Generator<BorrowerRecord> {
  for (let k = from; k < to; k++) yield syntheticBorrower(base, k, seed);
}
