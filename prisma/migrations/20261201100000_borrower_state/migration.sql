-- AlterEnum
ALTER TYPE "LimitChangeStatus" ADD VALUE 'SUPERSEDED';

-- AlterTable
ALTER TABLE "BorrowerNotice" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'DECREASE';

-- CreateTable
CREATE TABLE "BorrowerState" (
    "borrowerId" INTEGER NOT NULL,
    "limit" INTEGER NOT NULL,
    "balance" INTEGER NOT NULL,
    "utilization" DOUBLE PRECISION NOT NULL,
    "month" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "pd" DOUBLE PRECISION NOT NULL,
    "tier" "Tier" NOT NULL,
    "previousTier" "Tier",
    "tierChange" INTEGER NOT NULL DEFAULT 0,
    "tierChangeCause" TEXT,
    "reasonCodes" JSONB NOT NULL,
    "monthsSinceDelay" INTEGER NOT NULL,
    "pendingAdjustmentId" TEXT,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "BorrowerState_pkey" PRIMARY KEY ("borrowerId")
);

-- CreateTable
CREATE TABLE "PortfolioVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PortfolioVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortfolioSummary" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "month" TEXT,
    "borrowers" INTEGER NOT NULL,
    "exposure" BIGINT NOT NULL,
    "balance" BIGINT NOT NULL,
    "scoreSum" BIGINT NOT NULL,
    "pdSum" DOUBLE PRECISION NOT NULL,
    "observedDefaultRate" DOUBLE PRECISION NOT NULL,
    "tiers" JSONB NOT NULL,
    "tierChanges" JSONB NOT NULL,
    "histogram" JSONB NOT NULL,
    "historyTiers" JSONB NOT NULL,
    "version" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortfolioSummary_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BorrowerState_tier_borrowerId_idx" ON "BorrowerState"("tier", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_score_borrowerId_idx" ON "BorrowerState"("score", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_pd_borrowerId_idx" ON "BorrowerState"("pd", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_utilization_borrowerId_idx" ON "BorrowerState"("utilization", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_tierChange_borrowerId_idx" ON "BorrowerState"("tierChange", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_limit_borrowerId_idx" ON "BorrowerState"("limit", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_balance_borrowerId_idx" ON "BorrowerState"("balance", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_month_idx" ON "BorrowerState"("month");

-- CreateIndex
CREATE INDEX "BorrowerState_version_idx" ON "BorrowerState"("version");

-- AddForeignKey
ALTER TABLE "BorrowerState" ADD CONSTRAINT "BorrowerState_borrowerId_fkey" FOREIGN KEY ("borrowerId") REFERENCES "Borrower"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Data move: one state row per scored borrower, the current limit taken from Borrower.limit
-- (which approvals had been updating), the rest from the latest Score/Statement month. Same
-- derivation as initBorrowerStates (features/borrowers/mutations.ts), except for the limit.
INSERT INTO "PortfolioVersion" ("id", "version") VALUES (1, 1);

INSERT INTO "BorrowerState" ("borrowerId", "limit", "balance", "utilization", "month", "score", "pd", "tier", "previousTier",
  "tierChange", "tierChangeCause", "reasonCodes", "monthsSinceDelay", "pendingAdjustmentId", "version")
SELECT s."borrowerId", b."limit", st."balance",
  CASE WHEN b."limit" > 0 THEN st."balance"::float8 / b."limit" ELSE 0 END,
  s."month", s."score", s."pd", s."tier", s."previousTier", s."tierChange",
  CASE WHEN s."tierChange" <> 0 THEN 'SCORE' END, s."reasonCodes",
  coalesce((SELECT min(d.back) FROM (
      SELECT h."repaymentStatus", row_number() OVER (ORDER BY h."month" DESC) - 1 AS back
      FROM "Statement" h WHERE h."borrowerId" = s."borrowerId" AND h."month" <= s."month") d
    WHERE d."repaymentStatus" >= 1 AND d.back < 255), 255),
  (SELECT a."id" FROM "Adjustment" a WHERE a."pendingBorrowerId" = s."borrowerId"),
  1
FROM (SELECT DISTINCT ON ("borrowerId") * FROM "Score" ORDER BY "borrowerId", "month" DESC) s
JOIN "Borrower" b ON b."id" = s."borrowerId"
JOIN "Statement" st ON st."borrowerId" = s."borrowerId" AND st."month" = s."month";

-- The overview's summary, as refreshPortfolioSummary (features/borrowers/mutations.ts) computes it.
INSERT INTO "PortfolioSummary" ("id", "month", "borrowers", "exposure", "balance", "scoreSum", "pdSum", "observedDefaultRate",
  "tiers", "tierChanges", "histogram", "historyTiers", "version", "updatedAt")
SELECT 1, t.month, t.n, t.exposure, t.balance, t.score_sum, t.pd_sum,
  coalesce((SELECT avg("outcome")::float8 FROM "Borrower"), 0),
  jsonb_build_object('LOW', t.low, 'MEDIUM', t.medium, 'HIGH', t.high),
  jsonb_build_object('up', t.up, 'down', t.down),
  coalesce((SELECT jsonb_agg(jsonb_build_object('from', h.bucket, 'to', h.bucket + 25, 'good', h.good, 'bad', h.bad) ORDER BY h.bucket) FROM (
    SELECT (floor(s."score" / 25) * 25)::int AS bucket, count(*) FILTER (WHERE b."outcome" <> 1)::int AS good, count(*) FILTER (WHERE b."outcome" = 1)::int AS bad
    FROM "BorrowerState" s JOIN "Borrower" b ON b."id" = s."borrowerId" GROUP BY 1) h), '[]'::jsonb),
  coalesce((SELECT jsonb_agg(jsonb_build_object('month', m.month, 'LOW', m.low, 'MEDIUM', m.medium, 'HIGH', m.high) ORDER BY m.month) FROM (
    SELECT "month", count(*) FILTER (WHERE "tier" = 'LOW')::int AS low, count(*) FILTER (WHERE "tier" = 'MEDIUM')::int AS medium,
      count(*) FILTER (WHERE "tier" = 'HIGH')::int AS high
    FROM "Score" WHERE "month" < t.month GROUP BY 1) m), '[]'::jsonb),
  1, now()
FROM (SELECT max("month") AS month, count(*)::int AS n, coalesce(sum("limit"), 0)::bigint AS exposure, coalesce(sum("balance"), 0)::bigint AS balance,
    coalesce(sum("score"), 0)::bigint AS score_sum, coalesce(sum("pd"), 0)::float8 AS pd_sum,
    count(*) FILTER (WHERE "tier" = 'LOW')::int AS low, count(*) FILTER (WHERE "tier" = 'MEDIUM')::int AS medium,
    count(*) FILTER (WHERE "tier" = 'HIGH')::int AS high, count(*) FILTER (WHERE "tierChange" = 1)::int AS up,
    count(*) FILTER (WHERE "tierChange" = -1)::int AS down
  FROM "BorrowerState") t
ON CONFLICT ("id") DO UPDATE SET "month" = EXCLUDED."month", "borrowers" = EXCLUDED."borrowers", "exposure" = EXCLUDED."exposure",
  "balance" = EXCLUDED."balance", "scoreSum" = EXCLUDED."scoreSum", "pdSum" = EXCLUDED."pdSum",
  "observedDefaultRate" = EXCLUDED."observedDefaultRate", "tiers" = EXCLUDED."tiers", "tierChanges" = EXCLUDED."tierChanges",
  "histogram" = EXCLUDED."histogram", "historyTiers" = EXCLUDED."historyTiers", "version" = EXCLUDED."version", "updatedAt" = now();

-- AlterTable: the current limit now lives in BorrowerState only.
ALTER TABLE "Borrower" DROP COLUMN "limit";
