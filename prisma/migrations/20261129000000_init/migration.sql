-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "PolicyStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'ACTIVE', 'REJECTED', 'RETIRED');

-- CreateTable
CREATE TABLE "Borrower" (
    "id" INTEGER NOT NULL,
    "limit" INTEGER NOT NULL,
    "sex" INTEGER NOT NULL,
    "education" INTEGER NOT NULL,
    "marriage" INTEGER NOT NULL,
    "age" INTEGER NOT NULL,
    "outcome" INTEGER NOT NULL,

    CONSTRAINT "Borrower_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "borrowerId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "limit" INTEGER NOT NULL,
    "bill" INTEGER NOT NULL,
    "balance" INTEGER NOT NULL,
    "payment" INTEGER NOT NULL,
    "repaymentStatus" INTEGER NOT NULL,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("borrowerId","month")
);

-- CreateTable
CREATE TABLE "Score" (
    "borrowerId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "pd" DOUBLE PRECISION NOT NULL,
    "tier" "Tier" NOT NULL,
    "previousTier" "Tier",
    "tierChange" INTEGER NOT NULL DEFAULT 0,
    "limit" INTEGER NOT NULL,
    "balance" INTEGER NOT NULL,
    "utilization" DOUBLE PRECISION NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "reasonCodes" JSONB NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("borrowerId","month")
);

-- CreateTable
CREATE TABLE "ScoreModel" (
    "version" TEXT NOT NULL,
    "model" JSONB NOT NULL,
    "auc" DOUBLE PRECISION NOT NULL,
    "ks" DOUBLE PRECISION NOT NULL,
    "gini" DOUBLE PRECISION NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreModel_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "PolicyStatus" NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "basedOnId" TEXT,
    "authorId" TEXT,
    "authorEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT,
    "activatedById" TEXT,
    "activatedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "ip" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "Statement_month_idx" ON "Statement"("month");

-- CreateIndex
CREATE INDEX "Score_month_tier_idx" ON "Score"("month", "tier");

-- CreateIndex
CREATE INDEX "Score_month_score_idx" ON "Score"("month", "score");

-- CreateIndex
CREATE INDEX "Score_month_pd_idx" ON "Score"("month", "pd");

-- CreateIndex
CREATE INDEX "Score_month_utilization_idx" ON "Score"("month", "utilization");

-- CreateIndex
CREATE INDEX "Score_month_tierChange_idx" ON "Score"("month", "tierChange");

-- CreateIndex
CREATE INDEX "Score_month_limit_idx" ON "Score"("month", "limit");

-- CreateIndex
CREATE INDEX "Score_month_balance_idx" ON "Score"("month", "balance");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_version_key" ON "Policy"("version");

-- CreateIndex
CREATE INDEX "Policy_status_idx" ON "Policy"("status");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_action_entityId_at_idx" ON "AuditEvent"("action", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_ip_at_idx" ON "AuditEvent"("action", "ip", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorEmail_at_idx" ON "AuditEvent"("actorEmail", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_borrowerId_fkey" FOREIGN KEY ("borrowerId") REFERENCES "Borrower"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_borrowerId_fkey" FOREIGN KEY ("borrowerId") REFERENCES "Borrower"("id") ON DELETE CASCADE ON UPDATE CASCADE;

