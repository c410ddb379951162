-- CreateTable
CREATE TABLE "AdjustmentTotal" (
    "id" BIGSERIAL NOT NULL,
    "status" "AdjustmentStatus" NOT NULL,
    "policyRunId" TEXT,
    "proposedByEmail" TEXT NOT NULL,
    "tierMove" INTEGER NOT NULL,
    "direction" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "AdjustmentTotal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdjustmentTotal_status_policyRunId_idx" ON "AdjustmentTotal"("status", "policyRunId");


-- The deltas, appended once per writing statement (transition tables: a set-based run of 680 k
-- items costs one grouped INSERT, a single decision one or two rows). Updates that move no key
-- (version, staleReason, decidedAt …) net to zero and append nothing.
CREATE FUNCTION "adjustment_totals_delta"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "AdjustmentTotal" ("status", "policyRunId", "proposedByEmail", "tierMove", "direction", "count", "amount")
    SELECT "status", "policyRunId", "proposedByEmail", "tierMove", sign("delta")::int, count(*), sum("delta") FROM new_rows GROUP BY 1, 2, 3, 4, 5;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "AdjustmentTotal" ("status", "policyRunId", "proposedByEmail", "tierMove", "direction", "count", "amount")
    SELECT "status", "policyRunId", "proposedByEmail", "tierMove", sign("delta")::int, -count(*), -sum("delta") FROM old_rows GROUP BY 1, 2, 3, 4, 5;
  ELSE
    INSERT INTO "AdjustmentTotal" ("status", "policyRunId", "proposedByEmail", "tierMove", "direction", "count", "amount")
    SELECT "status", "policyRunId", "proposedByEmail", "tierMove", direction, sum(n), sum(d) FROM (
      SELECT "status", "policyRunId", "proposedByEmail", "tierMove", sign("delta")::int AS direction, 1 AS n, "delta"::bigint AS d FROM new_rows
      UNION ALL
      SELECT "status", "policyRunId", "proposedByEmail", "tierMove", sign("delta")::int, -1, -"delta"::bigint FROM old_rows) x
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(d) <> 0;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "Adjustment_totals_insert" AFTER INSERT ON "Adjustment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "adjustment_totals_delta"();
CREATE TRIGGER "Adjustment_totals_update" AFTER UPDATE ON "Adjustment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "adjustment_totals_delta"();
CREATE TRIGGER "Adjustment_totals_delete" AFTER DELETE ON "Adjustment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "adjustment_totals_delta"();

-- The items that exist already, as one row per key.
INSERT INTO "AdjustmentTotal" ("status", "policyRunId", "proposedByEmail", "tierMove", "direction", "count", "amount")
SELECT "status", "policyRunId", "proposedByEmail", "tierMove", sign("delta")::int, count(*), sum("delta") FROM "Adjustment" GROUP BY 1, 2, 3, 4, 5;
