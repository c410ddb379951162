/** fast-check generators for the preview property tests: valid policies and small, edgy portfolios. */
import fc from "fast-check";
import { policyConfigSchema, type PolicyConfig } from "@/features/policy/schema";
import type { BorrowerInput } from "./columns";

/** At most two decimals, with the extremes and whole numbers over-represented. */
const changePct = fc.oneof(
  fc.constantFrom(-100, 200, 0, -30, 20, 0.29, 12.5),
  fc.integer({ min: -10_000, max: 20_000 }).map((cents) => cents / 100),
);
// Realistic magnitudes: a relative tolerance means nothing once pd × lgd × EAD underflows into
// subnormal numbers (fc.double happily generates 5e-324).
const unitInterval = fc.oneof(
  fc.constantFrom(0, 1, 0.45, 0.75),
  fc.integer({ min: 0, max: 10_000 }).map((x) => x / 10_000),
  fc.double({ min: 1e-6, max: 1, noNaN: true }),
);
/** Like the scorecard's PDs (6 decimals), plus arbitrary doubles. */
const pdArb = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 1_000_000), fc.double({ min: 1e-9, max: 1, noNaN: true }));

/** scores: cut-offs are drawn from these half the time, so some borrowers sit exactly on one. */
export function policyArb(scores: number[] = []): fc.Arbitrary<PolicyConfig> {
  const cutoff = scores.length
    ? fc.oneof(fc.constantFrom(...scores), fc.integer({ min: 350, max: 950 }))
    : fc.integer({ min: 350, max: 950 });
  return fc
    .record({
      cuts: fc.tuple(cutoff, cutoff).filter(([a, b]) => a !== b),
      pcts: fc.tuple(changePct, changePct, changePct),
      limits: fc.tuple(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 2_000_000 })),
      months: fc.constantFrom(0, 1, 2, 3, 6),
      lgd: unitInterval,
      ccf: unitInterval,
      noticeDays: fc.integer({ min: 0, max: 365 }),
    })
    .map(({ cuts, pcts, limits, months, lgd, ccf, noticeDays }) =>
      policyConfigSchema.parse({
        cutoffs: { low: Math.max(...cuts), medium: Math.min(...cuts) },
        actions: { LOW: { changePct: pcts[0] }, MEDIUM: { changePct: pcts[1] }, HIGH: { changePct: pcts[2] } },
        maxLimit: Math.max(...limits),
        minLimit: Math.min(...limits),
        noIncreaseIfDelayedWithinMonths: months,
        lgd,
        ccf,
        noticeDays,
      }),
    );
}

const limitArb = fc.oneof(
  fc.integer({ min: 1, max: 300 }).map((k) => k * 10_000), // UCI-like
  fc.integer({ min: 1, max: 3_000_000 }), // not a multiple of 1000, or above any maxLimit
);

const borrowerArb = limitArb.chain((limit) =>
  fc.record({
    score: fc.integer({ min: 350, max: 950 }),
    pd: pdArb,
    limit: fc.constant(limit),
    // Up to 1.5 × the limit: balances above the limit happen in the real data too.
    balance: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Math.floor(limit * 1.5) })),
    statuses: fc.array(fc.integer({ min: -2, max: 8 }), { minLength: 1, maxLength: 6 }),
    outcome: fc.constantFrom(0, 1),
    sex: fc.constantFrom(1, 2),
    age: fc.integer({ min: 18, max: 80 }),
  }),
);

export const portfolioArb: fc.Arbitrary<BorrowerInput[]> = fc
  .array(borrowerArb, { maxLength: 60 })
  .map((rows) => rows.map((r, i) => ({ id: i + 1, ...r })));
