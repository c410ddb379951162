-- A borrower's pending adjustment is Adjustment."pendingBorrowerId" (unique, set while PENDING):
-- the copy on BorrowerState cost a 600 k-row UPDATE per policy run at 1 M borrowers.
ALTER TABLE "BorrowerState" DROP COLUMN "pendingAdjustmentId";
