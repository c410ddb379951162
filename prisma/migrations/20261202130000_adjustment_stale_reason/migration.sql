-- A PENDING adjustment decided on scores that a replacement revision of the month changed
-- (issue 10): approving it is a 409 until it is re-proposed.
ALTER TABLE "Adjustment" ADD COLUMN "staleReason" TEXT;
