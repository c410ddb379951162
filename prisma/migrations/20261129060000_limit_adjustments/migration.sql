-- CreateEnum
CREATE TYPE "AdjustmentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "LimitChangeStatus" AS ENUM ('SCHEDULED', 'APPLIED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('OPEN', 'UPHELD', 'REVERSED');

-- CreateTable
CREATE TABLE "PolicyRun" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "proposals" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Adjustment" (
    "id" TEXT NOT NULL,
    "borrowerId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "policyRunId" TEXT,
    "policyId" TEXT,
    "policyVersion" INTEGER,
    "oldLimit" INTEGER NOT NULL,
    "newLimit" INTEGER NOT NULL,
    "delta" INTEGER NOT NULL,
    "tierBefore" "Tier",
    "tierAfter" "Tier",
    "tierMove" INTEGER NOT NULL DEFAULT 0,
    "score" INTEGER,
    "reasonCodes" JSONB NOT NULL,
    "reason" TEXT,
    "status" "AdjustmentStatus" NOT NULL DEFAULT 'PENDING',
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "approvalCount" INTEGER NOT NULL DEFAULT 0,
    "pendingBorrowerId" INTEGER,
    "proposedById" TEXT NOT NULL,
    "proposedByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdjustmentDecision" (
    "id" TEXT NOT NULL,
    "adjustmentId" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderEmail" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdjustmentDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LimitChange" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "borrowerId" INTEGER NOT NULL,
    "adjustmentId" TEXT,
    "appealId" TEXT,
    "oldLimit" INTEGER NOT NULL,
    "newLimit" INTEGER NOT NULL,
    "approvers" JSONB NOT NULL,
    "effectiveDate" TIMESTAMP(3) NOT NULL,
    "status" "LimitChangeStatus" NOT NULL,
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LimitChange_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "BorrowerNotice" (
    "id" TEXT NOT NULL,
    "borrowerId" INTEGER NOT NULL,
    "limitChangeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "reasonCodes" JSONB NOT NULL,
    "effectiveDate" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BorrowerNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "borrowerId" INTEGER NOT NULL,
    "limitChangeId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'OPEN',
    "recordedById" TEXT NOT NULL,
    "recordedByEmail" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotentResponse" (
    "actorId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotentResponse_pkey" PRIMARY KEY ("actorId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyRun_policyId_month_key" ON "PolicyRun"("policyId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Adjustment_pendingBorrowerId_key" ON "Adjustment"("pendingBorrowerId");

-- CreateIndex
CREATE INDEX "Adjustment_status_createdAt_idx" ON "Adjustment"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Adjustment_status_delta_idx" ON "Adjustment"("status", "delta");

-- CreateIndex
CREATE INDEX "Adjustment_status_tierMove_idx" ON "Adjustment"("status", "tierMove");

-- CreateIndex
CREATE INDEX "Adjustment_borrowerId_idx" ON "Adjustment"("borrowerId");

-- CreateIndex
CREATE INDEX "Adjustment_policyRunId_idx" ON "Adjustment"("policyRunId");

-- CreateIndex
CREATE INDEX "Adjustment_proposedByEmail_idx" ON "Adjustment"("proposedByEmail");

-- CreateIndex
CREATE UNIQUE INDEX "AdjustmentDecision_adjustmentId_deciderId_key" ON "AdjustmentDecision"("adjustmentId", "deciderId");

-- CreateIndex
CREATE UNIQUE INDEX "LimitChange_id_key" ON "LimitChange"("id");

-- CreateIndex
CREATE UNIQUE INDEX "LimitChange_adjustmentId_key" ON "LimitChange"("adjustmentId");

-- CreateIndex
CREATE UNIQUE INDEX "LimitChange_appealId_key" ON "LimitChange"("appealId");

-- CreateIndex
CREATE INDEX "LimitChange_borrowerId_idx" ON "LimitChange"("borrowerId");

-- CreateIndex
CREATE INDEX "LimitChange_status_effectiveDate_idx" ON "LimitChange"("status", "effectiveDate");

-- CreateIndex
CREATE INDEX "BorrowerNotice_borrowerId_idx" ON "BorrowerNotice"("borrowerId");

-- CreateIndex
CREATE INDEX "Appeal_status_dueAt_idx" ON "Appeal"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Appeal_borrowerId_idx" ON "Appeal"("borrowerId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- AddForeignKey
ALTER TABLE "AdjustmentDecision" ADD CONSTRAINT "AdjustmentDecision_adjustmentId_fkey" FOREIGN KEY ("adjustmentId") REFERENCES "Adjustment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

