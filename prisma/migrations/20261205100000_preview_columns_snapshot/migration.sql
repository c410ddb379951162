-- The impact preview's columns as stored bytes (issue 8: a cold preview at 10 M took 39 s, PostgreSQL
-- producing every borrower's row). Derived data: deleting the rows only makes the next cold preview slower.
-- CreateTable
CREATE TABLE "PreviewColumnsSnapshot" (
    "chunk" INTEGER NOT NULL,
    "from" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "outcomesStamp" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "format" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PreviewColumnsSnapshot_pkey" PRIMARY KEY ("chunk")
);


-- ~7 MB per row of incompressible numbers: stored out of line without compression (no CPU spent on it).
ALTER TABLE "PreviewColumnsSnapshot" ALTER COLUMN "data" SET STORAGE EXTERNAL;
