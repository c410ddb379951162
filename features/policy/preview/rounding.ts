/**
 * The limit rounding rule in exact integers, so JavaScript and SQL give the same NT$:
 * proposed = round(limit × (1 + changePct/100) / 1000) × 1000, half up. changePct has at most two
 * decimals, so (100 + changePct) × 100 is a whole "factor" and
 * proposed = floor((limit × factor + 5_000_000) / 10_000_000) × 1000.
 * limit × factor < 2^31 × 30_000 < 2^53, and the quotient is < 1e7, so the float division is
 * exact enough that floor() never lands on the wrong side of an integer.
 */

/** (100 + changePct) × 100 as an integer; Math.round absorbs binary noise such as 100.29 × 100. */
export function changeFactor(changePct: number): number {
  return Math.round((100 + changePct) * 100);
}

export function roundToThousand(limit: number, factor: number): number {
  return Math.floor((limit * factor + 5_000_000) / 10_000_000) * 1000;
}

/**
 * roundToThousand as a SQL expression over two integer expressions (a policy run computes its
 * proposals in SQL). bigint arithmetic, and integer division of non-negative values is floor, so
 * this is the same formula in exact integers (tests/db/policy-run.test.ts compares both on the real
 * limits and edge values).
 */
export function roundToThousandSql(limitExpr: string, factorExpr: string): string {
  return `(((${limitExpr})::bigint * (${factorExpr})::bigint + 5000000) / 10000000 * 1000)`;
}
