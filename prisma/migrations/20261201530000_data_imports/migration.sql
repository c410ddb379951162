-- AlterTable
ALTER TABLE "ScoreModel" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedByEmail" TEXT,
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionComment" TEXT,
ADD COLUMN     "fittedByEmail" TEXT,
ADD COLUMN     "fittedById" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'ACTIVE';

-- CreateTable
CREATE TABLE "DataImport" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "month" TEXT,
    "checksum" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "replacement" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "source" TEXT NOT NULL,
    "fileName" TEXT,
    "bytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "jobId" TEXT,
    "createdById" TEXT,
    "createdByEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DataImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataImport_checksum_key" ON "DataImport"("checksum");

-- CreateIndex
CREATE INDEX "DataImport_kind_month_status_idx" ON "DataImport"("kind", "month", "status");

-- CreateIndex
CREATE INDEX "DataImport_createdAt_idx" ON "DataImport"("createdAt");


-- Models installed before candidates existed: the active one is ACTIVE, any other RETIRED.
UPDATE "ScoreModel" SET "status" = CASE WHEN "active" THEN 'ACTIVE' ELSE 'RETIRED' END;
