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

-- AlterTable: the current limit now lives in BorrowerState only.
ALTER TABLE "Borrower" DROP COLUMN "limit";
