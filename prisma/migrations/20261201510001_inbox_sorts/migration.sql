-- DropIndex
DROP INDEX "Adjustment_status_createdAt_idx";

-- DropIndex
DROP INDEX "Adjustment_status_tierMove_idx";

-- AlterTable
ALTER TABLE "Adjustment" ADD COLUMN     "amount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pd" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "Adjustment_status_createdAt_id_idx" ON "Adjustment"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Adjustment_status_amount_id_idx" ON "Adjustment"("status", "amount", "id");

-- CreateIndex
CREATE INDEX "Adjustment_status_score_id_idx" ON "Adjustment"("status", "score", "id");

-- CreateIndex
CREATE INDEX "Adjustment_status_pd_id_idx" ON "Adjustment"("status", "pd", "id");

-- CreateIndex
CREATE INDEX "Adjustment_status_tierMove_id_idx" ON "Adjustment"("status", "tierMove", "id");


-- amount = |delta| and pd (from the current state) for every writer, without touching their code.
CREATE OR REPLACE FUNCTION "adjustment_sort_columns"() RETURNS trigger AS $$
BEGIN
  NEW."amount" := abs(NEW."delta");
  IF NEW."pd" IS NULL THEN
    NEW."pd" := (SELECT s."pd" FROM "BorrowerState" s WHERE s."borrowerId" = NEW."borrowerId");
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
-- WHEN: a writer that already sets both (the set-based policy run) pays no per-row function call.
CREATE TRIGGER "Adjustment_sort_columns" BEFORE INSERT OR UPDATE OF "delta", "pd", "amount" ON "Adjustment"
  FOR EACH ROW WHEN (NEW."pd" IS NULL OR NEW."amount" IS DISTINCT FROM abs(NEW."delta"))
  EXECUTE FUNCTION "adjustment_sort_columns"();
UPDATE "Adjustment" a SET "amount" = abs(a."delta"), "pd" = s."pd" FROM "BorrowerState" s WHERE s."borrowerId" = a."borrowerId";
