import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Bumps the portfolio version and returns it. Every transaction that changes BorrowerState rows
 * calls this FIRST (before locking state rows or writing audit events, so the lock order is one
 * order everywhere) and stamps the rows it changes with the result. The row lock on the counter
 * is held until commit, so writers commit in version order and a reader that sees version v has
 * seen every change stamped <= v.
 */
export async function bumpPortfolioVersion(tx: Prisma.TransactionClient): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ version: number }>>`
    INSERT INTO "PortfolioVersion" ("id", "version") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "PortfolioVersion"."version" + 1
    RETURNING "version"::float8 AS version`;
  return row.version;
}

/**
 * Derives the state row of every scored borrower that has none yet, in one INSERT … SELECT from
 * the loaded history: latest Score month, that month's statement (limit, balance) and the months
 * since the newest delayed repayment. The seed and the scale seed call it after loading history.
 */
export async function initBorrowerStates(tx: Prisma.TransactionClient, bumped?: number): Promise<number> {
  // A caller that already bumped the version in this transaction (a month's import) passes it: one version per change.
  const version = bumped ?? (await bumpPortfolioVersion(tx));
  const inserted = await tx.$executeRaw`
    WITH latest AS (SELECT DISTINCT ON ("borrowerId") * FROM "Score" ORDER BY "borrowerId", "month" DESC),
    hist AS (
      SELECT h."borrowerId", h."repaymentStatus", row_number() OVER (PARTITION BY h."borrowerId" ORDER BY h."month" DESC) - 1 AS back
      FROM "Statement" h JOIN latest l ON l."borrowerId" = h."borrowerId" AND h."month" <= l."month"),
    delay AS (SELECT "borrowerId", min(back) FILTER (WHERE "repaymentStatus" >= 1 AND back < 255) AS back FROM hist GROUP BY 1)
    INSERT INTO "BorrowerState" ("borrowerId", "limit", "balance", "utilization", "month", "score", "pd", "tier", "previousTier",
      "tierChange", "tierChangeCause", "reasonCodes", "monthsSinceDelay", "version")
    SELECT s."borrowerId", st."limit", st."balance", CASE WHEN st."limit" > 0 THEN st."balance"::float8 / st."limit" ELSE 0 END,
      s."month", s."score", s."pd", s."tier", s."previousTier", s."tierChange", CASE WHEN s."tierChange" <> 0 THEN 'SCORE' END,
      s."reasonCodes", coalesce(d.back, 255), ${version}
    FROM latest s
    JOIN "Statement" st ON st."borrowerId" = s."borrowerId" AND st."month" = s."month"
    JOIN delay d ON d."borrowerId" = s."borrowerId"
    ON CONFLICT ("borrowerId") DO NOTHING`;
  await refreshPortfolioSummary(tx, version);
  return inserted;
}

/**
 * Recomputes the overview's summary row from the state (and the Score history for past months).
 * Called where many state rows change at once (initBorrowerStates, policy activation); setLimit
 * maintains `exposure` incrementally instead.
 */
export async function refreshPortfolioSummary(tx: Prisma.TransactionClient, version: number) {
  await tx.$executeRawUnsafe(REFRESH_SUMMARY_SQL, version);
}

// The 20261201100000_borrower_state migration holds a copy (with version 1), the first version of
// this statement; issue 11 §5 added the tier moves by cause and the latest month as scored (the
// overview reads both defensively, so a summary written by the old copy still shows).
// Histogram buckets are 25 points wide (HISTOGRAM_BUCKET in features/overview/data.ts).
const REFRESH_SUMMARY_SQL = `INSERT INTO "PortfolioSummary" ("id", "month", "borrowers", "exposure", "balance", "scoreSum", "pdSum", "observedDefaultRate",
  "tiers", "tierChanges", "histogram", "historyTiers", "version", "updatedAt")
SELECT 1, t.month, t.n, t.exposure, t.balance, t.score_sum, t.pd_sum,
  coalesce((SELECT avg("outcome")::float8 FROM "Borrower"), 0),
  jsonb_build_object('LOW', t.low, 'MEDIUM', t.medium, 'HIGH', t.high),
  jsonb_build_object('up', t.up, 'down', t.down, 'upScore', t.up_score, 'upPolicy', t.up - t.up_score, 'downScore', t.down_score, 'downPolicy', t.down - t.down_score),
  coalesce((SELECT jsonb_agg(jsonb_build_object('from', h.bucket, 'to', h.bucket + 25, 'good', h.good, 'bad', h.bad) ORDER BY h.bucket) FROM (
    SELECT (floor(s."score" / 25) * 25)::int AS bucket, count(*) FILTER (WHERE b."outcome" <> 1)::int AS good, count(*) FILTER (WHERE b."outcome" = 1)::int AS bad
    FROM "BorrowerState" s JOIN "Borrower" b ON b."id" = s."borrowerId" GROUP BY 1) h), '[]'::jsonb),
  coalesce((SELECT jsonb_agg(jsonb_build_object('month', m.month, 'LOW', m.low, 'MEDIUM', m.medium, 'HIGH', m.high) ORDER BY m.month) FROM (
    SELECT "month", count(*) FILTER (WHERE "tier" = 'LOW')::int AS low, count(*) FILTER (WHERE "tier" = 'MEDIUM')::int AS medium,
      count(*) FILTER (WHERE "tier" = 'HIGH')::int AS high
    FROM "Score" WHERE "month" <= t.month GROUP BY 1) m), '[]'::jsonb),
  $1::bigint, now()
FROM (SELECT max("month") AS month, count(*)::int AS n, coalesce(sum("limit"), 0)::bigint AS exposure, coalesce(sum("balance"), 0)::bigint AS balance,
    coalesce(sum("score"), 0)::bigint AS score_sum, coalesce(sum("pd"), 0)::float8 AS pd_sum,
    count(*) FILTER (WHERE "tier" = 'LOW')::int AS low, count(*) FILTER (WHERE "tier" = 'MEDIUM')::int AS medium,
    count(*) FILTER (WHERE "tier" = 'HIGH')::int AS high, count(*) FILTER (WHERE "tierChange" = 1)::int AS up,
    count(*) FILTER (WHERE "tierChange" = -1)::int AS down,
    count(*) FILTER (WHERE "tierChange" = 1 AND "tierChangeCause" IS DISTINCT FROM 'POLICY')::int AS up_score,
    count(*) FILTER (WHERE "tierChange" = -1 AND "tierChangeCause" IS DISTINCT FROM 'POLICY')::int AS down_score
  FROM "BorrowerState") t
ON CONFLICT ("id") DO UPDATE SET "month" = EXCLUDED."month", "borrowers" = EXCLUDED."borrowers", "exposure" = EXCLUDED."exposure",
  "balance" = EXCLUDED."balance", "scoreSum" = EXCLUDED."scoreSum", "pdSum" = EXCLUDED."pdSum",
  "observedDefaultRate" = EXCLUDED."observedDefaultRate", "tiers" = EXCLUDED."tiers", "tierChanges" = EXCLUDED."tierChanges",
  "histogram" = EXCLUDED."histogram", "historyTiers" = EXCLUDED."historyTiers", "version" = EXCLUDED."version", "updatedAt" = now()`;

export async function portfolioIsEmpty() {
  const prisma = await getPrisma();
  return (await prisma.borrower.count()) === 0;
}
