/**
 * The obviously-correct preview: a straight loop over borrower objects that reads like the policy
 * text. Slow on purpose; the property tests (and the bench's naive path) check the fast preview
 * against it. Keep it independent of preview.ts: share nothing but the input and output types.
 */
import type { PolicyConfig, Tier } from "@/features/policy/schema";
import { tierFor } from "@/features/policy/tiering";
import { AGE_BANDS, ageBand, type BorrowerInput } from "./columns";
import { AIR_THRESHOLD, type FairnessGroup, type PolicyPreview } from "./types";

const TIER_ROW: Record<Tier, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };

/** round(limit × (1 + changePct/100) / 1000) × 1000, half up, in exact integers. */
export function roundedProposal(limit: number, changePct: number): number {
  const num = limit * Math.round((100 + changePct) * 100);
  return Math.floor((num + 5_000_000) / 10_000_000) * 1000;
}

/** Any repayment status >= 1 in the latest `months` months (the latest month included). */
function delayedWithin(statuses: readonly number[], months: number): boolean {
  if (months <= 0) return false; // slice(-0) would be the whole history
  return statuses.slice(-months).some((s) => s >= 1);
}

export function proposedLimit(b: BorrowerInput, policy: PolicyConfig): number {
  const tier = tierFor(b.score, policy.cutoffs);
  const proposed = roundedProposal(b.limit, policy.actions[tier].changePct);
  if (proposed > b.limit) {
    if (delayedWithin(b.statuses, policy.noIncreaseIfDelayedWithinMonths)) return b.limit;
    return Math.max(Math.min(proposed, policy.maxLimit), b.limit);
  }
  if (proposed < b.limit) {
    const floor = Math.max(proposed, policy.minLimit, Math.ceil(b.balance / 1000) * 1000);
    return Math.min(floor, b.limit);
  }
  return b.limit;
}

function ead(balance: number, limit: number, ccf: number): number {
  return balance + ccf * Math.max(limit - balance, 0);
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function referencePreview(
  borrowers: readonly BorrowerInput[],
  month: string,
  active: PolicyConfig,
  draft: PolicyConfig,
): PolicyPreview {
  const before = { LOW: 0, MEDIUM: 0, HIGH: 0 };
  const after = { LOW: 0, MEDIUM: 0, HIGH: 0 };
  const migration = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const increase = { count: 0, amount: 0 };
  const decrease = { count: 0, amount: 0 };
  const unchanged = { count: 0 };
  const exposure = { before: 0, after: 0 };
  const eadSum = { before: 0, after: 0 };
  const el = { before: 0, after: 0 };
  const available = { before: 0, after: 0, fallsToZero: 0 };
  let defaulters = 0, defaultersInHighAfter = 0, goodBorrowersCut = 0, defaultersIncreased = 0, shock = 0;
  const fair = new Map<string, { attribute: "sex" | "age"; n: number; notCut: number }>();
  const sexLabel = (s: number) => (s === 1 ? "Male" : s === 2 ? "Female" : null);
  for (const label of ["Male", "Female"]) fair.set(label, { attribute: "sex", n: 0, notCut: 0 });
  for (const label of AGE_BANDS) fair.set(label, { attribute: "age", n: 0, notCut: 0 });

  for (const b of borrowers) {
    const tierBefore = tierFor(b.score, active.cutoffs);
    const tierAfter = tierFor(b.score, draft.cutoffs);
    before[tierBefore]++;
    after[tierAfter]++;
    migration[TIER_ROW[tierBefore]][TIER_ROW[tierAfter]]++;

    const proposed = proposedLimit(b, draft);
    const cut = proposed < b.limit;
    if (proposed > b.limit) {
      increase.count++;
      increase.amount += proposed - b.limit;
    } else if (cut) {
      decrease.count++;
      decrease.amount += b.limit - proposed;
    } else unchanged.count++;

    exposure.before += b.limit;
    exposure.after += proposed;
    const eadBefore = ead(b.balance, b.limit, active.ccf);
    const eadAfter = ead(b.balance, proposed, draft.ccf);
    eadSum.before += eadBefore;
    eadSum.after += eadAfter;
    el.before += b.pd * active.lgd * eadBefore;
    el.after += b.pd * draft.lgd * eadAfter;

    if (b.outcome === 1) {
      defaulters++;
      if (tierAfter === "HIGH") defaultersInHighAfter++;
      if (proposed > b.limit) defaultersIncreased++;
    } else if (cut) goodBorrowersCut++;
    if (cut && b.balance / proposed > 0.9) shock++;
    available.before += Math.max(b.limit - b.balance, 0);
    available.after += Math.max(proposed - b.balance, 0);
    if (b.limit > b.balance && proposed <= b.balance) available.fallsToZero++;

    for (const label of [sexLabel(b.sex), AGE_BANDS[ageBand(b.age)]]) {
      const g = label === null ? undefined : fair.get(label);
      if (!g) continue;
      g.n++;
      if (!cut) g.notCut++;
    }
  }

  const groups: FairnessGroup[] = [];
  for (const attribute of ["sex", "age"] as const) {
    const rows = [...fair].filter(([, g]) => g.attribute === attribute && g.n > 0);
    const best = Math.max(0, ...rows.map(([, g]) => g.notCut / g.n));
    for (const [group, g] of rows) {
      const rate = g.notCut / g.n;
      const air = best === 0 ? 1 : rate / best;
      groups.push({ attribute, group, n: g.n, notCut: g.notCut, rate, air, flagged: air < AIR_THRESHOLD });
    }
  }

  const n = borrowers.length;
  return {
    month,
    n,
    tiers: { before, after },
    migration,
    changes: { increase, decrease, unchanged },
    exposure,
    ead: eadSum,
    expectedLoss: el,
    backtest: {
      defaulters,
      nonDefaulters: n - defaulters,
      defaultersInHighAfter,
      defaultersInHighAfterShare: share(defaultersInHighAfter, defaulters),
      goodBorrowersCut,
      goodBorrowersCutShare: share(goodBorrowersCut, n - defaulters),
      defaultersIncreased,
      defaultersIncreasedShare: share(defaultersIncreased, defaulters),
    },
    availableCredit: available,
    utilizationShock: { count: shock },
    fairness: { groups, threshold: AIR_THRESHOLD },
  };
}
