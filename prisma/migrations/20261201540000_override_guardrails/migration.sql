-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "discardedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Adjustment" ADD COLUMN     "needsAdmin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "overrideRules" JSONB,
ADD COLUMN     "overrideText" TEXT;

-- AlterTable
ALTER TABLE "AdjustmentDecision" ADD COLUMN     "deciderRole" TEXT;

-- CreateIndex
CREATE INDEX "Adjustment_source_createdAt_idx" ON "Adjustment"("source", "createdAt");

