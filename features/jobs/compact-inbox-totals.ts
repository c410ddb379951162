// The inbox totals' deltas (one or two rows per writing statement) folded hourly, and once at
// worker start, so the totals read a few rows per key. Idempotent and safe beside any writer.
import { compactInboxTotals } from "@/features/inbox-totals/mutations";
import { registerJob, registerSchedule } from "./registry";

export const COMPACT_INBOX_TOTALS = "adjustments.compact-totals";

registerJob(COMPACT_INBOX_TOTALS, async ({ progress }) => {
  const r = await compactInboxTotals();
  await progress(r.before, r.before);
  return r;
});

registerSchedule({ kind: COMPACT_INBOX_TOTALS, key: "hourly", match: "41 * * * *", permission: "portfolio:read", catchUpAtStart: true });
