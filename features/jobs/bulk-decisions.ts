// Bulk decisions by filter: every PENDING item matching the inbox filter, decided by job with progress.
import { BULK_DECIDE_JOB, decideByFilter, type BulkByFilterPayload } from "@/features/adjustments/mutations";
import { registerJob } from "./registry";

registerJob<BulkByFilterPayload>(BULK_DECIDE_JOB, async ({ payload, progress }) => decideByFilter(payload, (done, total) => progress(done, total)));
