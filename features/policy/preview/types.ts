/** What a draft policy would do to the portfolio, compared with the active one. */
export type TierCounts = { LOW: number; MEDIUM: number; HIGH: number };
export type BeforeAfter = { before: number; after: number };

export type FairnessGroup = {
  attribute: "sex" | "age";
  /** "Male", "Female", "<25", "25–34", "35–44", "45–54", "55+". */
  group: string;
  n: number;
  /** Borrowers whose limit is not cut. */
  notCut: number;
  /** notCut / n. */
  rate: number;
  /** Adverse impact ratio: rate / the best rate among this attribute's groups. */
  air: number;
  /** air < threshold (the four-fifths rule). */
  flagged: boolean;
};

export type PolicyPreview = {
  month: string;
  n: number;
  tiers: { before: TierCounts; after: TierCounts };
  /** 3×3 counts: rows = tier before (LOW, MEDIUM, HIGH), columns = tier after. */
  migration: number[][];
  changes: {
    increase: { count: number; amount: number };
    /** amount = positive NT$ total of the cuts. */
    decrease: { count: number; amount: number };
    unchanged: { count: number };
  };
  exposure: BeforeAfter;
  ead: BeforeAfter;
  expectedLoss: BeforeAfter;
  backtest: {
    defaulters: number;
    nonDefaulters: number;
    defaultersInHighAfter: number;
    defaultersInHighAfterShare: number;
    goodBorrowersCut: number;
    goodBorrowersCutShare: number;
    defaultersIncreased: number;
    defaultersIncreasedShare: number;
  };
  /**
   * "How much is left" (issue 11 §2): Σ max(limit − balance, 0) before and after, and the
   * borrowers who had credit available and would have none after the draft.
   */
  availableCredit: { before: number; after: number; fallsToZero: number };
  /** Cut borrowers whose balance / new limit > 0.9. */
  utilizationShock: { count: number };
  fairness: { groups: FairnessGroup[]; threshold: number };
};

export const AIR_THRESHOLD = 0.8;
