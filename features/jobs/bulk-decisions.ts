// Bulk decisions by filter: every PENDING item matching the inbox filter, decided by job with progress
// (set-based batches, features/bulk-decisions/mutations.ts).
import { BULK_DECIDE_JOB, type BulkByFilterPayload } from "@/features/adjustments/mutations";
import { decideByFilter } from "@/features/bulk-decisions/mutations";
import { registerJob } from "./registry";

registerJob<BulkByFilterPayload>(BULK_DECIDE_JOB, async ({ payload, progress }) => decideByFilter(payload, (done, total) => progress(done, total)));
