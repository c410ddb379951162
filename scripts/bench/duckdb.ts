/**
 * The comparison engine: DuckDB in-process, in memory, with the portfolio loaded from the same
 * typed arrays (loading is not timed). One SQL query computes the figures the preview shares with
 * it; the rounding uses the same integer formula (features/policy/preview/rounding.ts).
 */
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, SMALLINT, UTINYINT, type DuckDBConnection } from "@duckdb/node-api";
import type { PolicyConfig } from "@/features/policy/schema";
import type { PortfolioColumns } from "@/features/policy/preview/columns";
import { changeFactor } from "@/features/policy/preview/rounding";
import type { PolicyPreview } from "@/features/policy/preview/types";

export type SqlFigures = Pick<PolicyPreview, "n" | "tiers" | "migration" | "changes" | "exposure" | "ead" | "expectedLoss">;

const COLUMNS = [
  ["id", INTEGER], ["score", SMALLINT], ["pd", DOUBLE], ["lim", INTEGER], ["bal", INTEGER],
  ["msd", UTINYINT], ["outcome", UTINYINT], ["sex", UTINYINT], ["age_band", UTINYINT],
] as const;
const CHUNK = 2048; // DuckDB's vector size: the most one data chunk holds

export async function openDuckDb(cols: PortfolioColumns) {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE portfolio (${COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ")})`);
  const sources = [cols.id, cols.score, cols.pd, cols.limit, cols.balance, cols.monthsSinceDelay, cols.outcome, cols.sex, cols.ageBand];
  const appender = await conn.createAppender("portfolio");
  for (let start = 0; start < cols.n; start += CHUNK) {
    const rows = Math.min(CHUNK, cols.n - start);
    const chunk = DuckDBDataChunk.create(COLUMNS.map(([, type]) => type), rows);
    sources.forEach((src, c) => {
      const vector = chunk.getColumnVector(c);
      for (let r = 0; r < rows; r++) vector.setItem(r, src[start + r]);
      vector.flush();
    });
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  return { conn, close: () => (conn.closeSync(), instance.closeSync()) };
}

const num = (x: number) => `${x}::DOUBLE`; // a bare 0.75 would be a DECIMAL in DuckDB
const tierSql = (c: PolicyConfig["cutoffs"]) => `CASE WHEN score >= ${c.low} THEN 0 WHEN score >= ${c.medium} THEN 1 ELSE 2 END`;

export function previewSql(active: PolicyConfig, draft: PolicyConfig): string {
  const [f0, f1, f2] = (["LOW", "MEDIUM", "HIGH"] as const).map((t) => changeFactor(draft.actions[t].changePct));
  const cells = [0, 1, 2].flatMap((b) => [0, 1, 2].map((a) => `count(*) FILTER (WHERE tb = ${b} AND ta = ${a}) AS m${b}${a}`));
  return `
WITH t AS (
  SELECT lim::BIGINT AS lim, bal::BIGINT AS bal, pd, msd, ${tierSql(active.cutoffs)} AS tb, ${tierSql(draft.cutoffs)} AS ta
  FROM portfolio
), r AS (
  SELECT *, (lim * (CASE ta WHEN 0 THEN ${f0} WHEN 1 THEN ${f1} ELSE ${f2} END) + 5000000) // 10000000 * 1000 AS raw FROM t
), p AS (
  SELECT *, CASE
    WHEN raw > lim THEN CASE WHEN msd < ${draft.noIncreaseIfDelayedWithinMonths} THEN lim ELSE GREATEST(LEAST(raw, ${draft.maxLimit}), lim) END
    WHEN raw < lim THEN LEAST(GREATEST(raw, ${draft.minLimit}, (bal + 999) // 1000 * 1000), lim)
    ELSE lim END AS prop
  FROM r
)
SELECT count(*) AS n,
  ${[0, 1, 2].map((k) => `count(*) FILTER (WHERE tb = ${k}) AS b${k}, count(*) FILTER (WHERE ta = ${k}) AS a${k}`).join(",\n  ")},
  ${cells.join(",\n  ")},
  count(*) FILTER (WHERE prop > lim) AS inc_count, coalesce(sum(prop - lim) FILTER (WHERE prop > lim), 0) AS inc_amount,
  count(*) FILTER (WHERE prop < lim) AS dec_count, coalesce(sum(lim - prop) FILTER (WHERE prop < lim), 0) AS dec_amount,
  count(*) FILTER (WHERE prop = lim) AS same_count,
  coalesce(sum(lim), 0) AS exp_before, coalesce(sum(prop), 0) AS exp_after,
  coalesce(sum(bal + ${num(active.ccf)} * GREATEST(lim - bal, 0)), 0) AS ead_before,
  coalesce(sum(bal + ${num(draft.ccf)} * GREATEST(prop - bal, 0)), 0) AS ead_after,
  coalesce(sum(pd * ${num(active.lgd)} * (bal + ${num(active.ccf)} * GREATEST(lim - bal, 0))), 0) AS el_before,
  coalesce(sum(pd * ${num(draft.lgd)} * (bal + ${num(draft.ccf)} * GREATEST(prop - bal, 0))), 0) AS el_after
FROM p`;
}

export async function duckPreview(conn: DuckDBConnection, sql: string): Promise<SqlFigures> {
  const [row] = (await conn.runAndReadAll(sql)).getRowObjects();
  const v = (k: string) => Number(row[k]); // counts and integer sums arrive as bigint
  const tiers = (p: string) => ({ LOW: v(`${p}0`), MEDIUM: v(`${p}1`), HIGH: v(`${p}2`) });
  return {
    n: v("n"),
    tiers: { before: tiers("b"), after: tiers("a") },
    migration: [0, 1, 2].map((b) => [0, 1, 2].map((a) => v(`m${b}${a}`))),
    changes: {
      increase: { count: v("inc_count"), amount: v("inc_amount") },
      decrease: { count: v("dec_count"), amount: v("dec_amount") },
      unchanged: { count: v("same_count") },
    },
    exposure: { before: v("exp_before"), after: v("exp_after") },
    ead: { before: v("ead_before"), after: v("ead_after") },
    expectedLoss: { before: v("el_before"), after: v("el_after") },
  };
}
