// A run's summary in one aggregate over its items joined to the current state, with the preview's
// definitions: exposure = Σ limit; EAD = balance + ccf × max(limit − balance, 0);
// expected loss = lgd × pd × EAD. The run's policy is the active one, so ccf/lgd are the same
// before and after and the deltas are sums over the changed borrowers only.
export type RunSummaryRow = {
  n: number; inc_n: number; inc_sum: bigint | number | null; dec_n: number; dec_sum: bigint | number | null;
  ead_delta: number | null; el_delta: number | null;
  ind_n: number; ind_abs: bigint | number | null; run_n: number; run_abs: bigint | number | null;
  migration: number[][] | null;
};

const TIERS = ["LOW", "MEDIUM", "HIGH"] as const;

/** $1 run id, $2 ccf, $3 lgd. Items with requiredApprovals = 2 are "individual": left to the item queue. */
export function runSummarySql() {
  const cell = (b: string, a: string) => `count(*) FILTER (WHERE a."tierBefore" = '${b}' AND a."tierAfter" = '${a}')::int`;
  const migration = `json_build_array(${TIERS.map((b) => `json_build_array(${TIERS.map((a) => cell(b, a)).join(", ")})`).join(", ")})`;
  const dHead = `(GREATEST(a."newLimit" - s."balance", 0) - GREATEST(a."oldLimit" - s."balance", 0))::float8`;
  return `
    SELECT count(*)::int AS n,
      count(*) FILTER (WHERE a."delta" > 0)::int AS inc_n, coalesce(sum(a."delta") FILTER (WHERE a."delta" > 0), 0)::bigint AS inc_sum,
      count(*) FILTER (WHERE a."delta" < 0)::int AS dec_n, coalesce(-sum(a."delta") FILTER (WHERE a."delta" < 0), 0)::bigint AS dec_sum,
      coalesce(sum($2::float8 * ${dHead}), 0) AS ead_delta, coalesce(sum($3::float8 * s."pd" * $2::float8 * ${dHead}), 0) AS el_delta,
      count(*) FILTER (WHERE a."requiredApprovals" > 1)::int AS ind_n, coalesce(sum(abs(a."delta")) FILTER (WHERE a."requiredApprovals" > 1), 0)::bigint AS ind_abs,
      count(*) FILTER (WHERE a."requiredApprovals" = 1)::int AS run_n, coalesce(sum(abs(a."delta")) FILTER (WHERE a."requiredApprovals" = 1), 0)::bigint AS run_abs,
      ${migration} AS migration
    FROM "Adjustment" a JOIN "BorrowerState" s ON s."borrowerId" = a."borrowerId"
    WHERE a."policyRunId" = $1`;
}

export type RunSummary = {
  proposals: number;
  increase: { count: number; amount: number };
  /** amount = positive NT$ total of the cuts. */
  decrease: { count: number; amount: number };
  exposureDelta: number;
  eadDelta: number;
  expectedLossDelta: number;
  /** 3×3 counts of the proposals: rows = tier before (LOW, MEDIUM, HIGH), columns = tier after. */
  migration: number[][];
  skippedPending: number;
  /** Items above the per-item approval threshold: decided one by one in the inbox, not by the run. */
  individual: { count: number; absoluteChange: number };
  /** Items the run's approval applies. */
  runItems: { count: number; absoluteChange: number };
};

export function summaryFromRow(r: RunSummaryRow, skippedPending: number): RunSummary {
  const inc = Number(r.inc_sum ?? 0), dec = Number(r.dec_sum ?? 0);
  return {
    proposals: r.n,
    increase: { count: r.inc_n, amount: inc },
    decrease: { count: r.dec_n, amount: dec },
    exposureDelta: inc - dec,
    eadDelta: Number(r.ead_delta ?? 0),
    expectedLossDelta: Number(r.el_delta ?? 0),
    migration: r.migration ?? [[0, 0, 0], [0, 0, 0], [0, 0, 0]],
    skippedPending,
    individual: { count: r.ind_n, absoluteChange: Number(r.ind_abs ?? 0) },
    runItems: { count: r.run_n, absoluteChange: Number(r.run_abs ?? 0) },
  };
}
