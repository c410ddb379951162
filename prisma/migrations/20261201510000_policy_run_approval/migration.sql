-- DropIndex
DROP INDEX "Adjustment_policyRunId_idx";

-- AlterTable
ALTER TABLE "PolicyRun" ADD COLUMN     "applied" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "applyCursor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "computeJobId" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decisionJobId" TEXT,
ADD COLUMN     "decisionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "skippedPending" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stale" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "staleIds" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'LEGACY',
ADD COLUMN     "summary" JSONB;

-- CreateTable
CREATE TABLE "PolicyRunDecision" (
    "id" TEXT NOT NULL,
    "policyRunId" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderEmail" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyRunDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyRunDecision_policyRunId_deciderId_key" ON "PolicyRunDecision"("policyRunId", "deciderId");

-- CreateIndex
CREATE INDEX "Adjustment_policyRunId_status_requiredApprovals_borrowerId_idx" ON "Adjustment"("policyRunId", "status", "requiredApprovals", "borrowerId");

-- AddForeignKey
ALTER TABLE "PolicyRunDecision" ADD CONSTRAINT "PolicyRunDecision_policyRunId_fkey" FOREIGN KEY ("policyRunId") REFERENCES "PolicyRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

