-- DropIndex
DROP INDEX "Score_month_tier_idx";

-- DropIndex
DROP INDEX "Score_month_score_idx";

-- DropIndex
DROP INDEX "Score_month_pd_idx";

-- DropIndex
DROP INDEX "Score_month_utilization_idx";

-- DropIndex
DROP INDEX "Score_month_tierChange_idx";

-- DropIndex
DROP INDEX "Score_month_limit_idx";

-- DropIndex
DROP INDEX "Score_month_balance_idx";

-- DropIndex
DROP INDEX "AuditEvent_entityType_entityId_idx";

-- CreateIndex
CREATE INDEX "BorrowerState_tier_score_borrowerId_idx" ON "BorrowerState"("tier", "score", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_tier_pd_borrowerId_idx" ON "BorrowerState"("tier", "pd", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_tier_utilization_borrowerId_idx" ON "BorrowerState"("tier", "utilization", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_tier_limit_borrowerId_idx" ON "BorrowerState"("tier", "limit", "borrowerId");

-- CreateIndex
CREATE INDEX "BorrowerState_tier_balance_borrowerId_idx" ON "BorrowerState"("tier", "balance", "borrowerId");

-- CreateIndex
CREATE INDEX "Score_month_tier_borrowerId_idx" ON "Score"("month", "tier", "borrowerId");

-- CreateIndex
CREATE INDEX "Score_month_score_borrowerId_idx" ON "Score"("month", "score", "borrowerId");

-- CreateIndex
CREATE INDEX "Score_month_pd_borrowerId_idx" ON "Score"("month", "pd", "borrowerId");

-- CreateIndex
CREATE INDEX "Score_month_utilization_borrowerId_idx" ON "Score"("month", "utilization", "borrowerId");

-- CreateIndex
CREATE INDEX "Score_month_limit_borrowerId_idx" ON "Score"("month", "limit", "borrowerId");

-- CreateIndex
CREATE INDEX "Score_month_balance_borrowerId_idx" ON "Score"("month", "balance", "borrowerId");

-- CreateIndex
CREATE INDEX "Score_month_tierChange_borrowerId_idx" ON "Score"("month", "tierChange", "borrowerId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_seq_idx" ON "AuditEvent"("entityType", "entityId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");

