// Scheduled limit changes take effect at their effective date by job: every minute, and once when
// a worker starts (catch-up). applyDueLimitChanges commits one batch per transaction and marks each
// change APPLIED under its row lock, so a run repeated after a restart applies only what is still due.
import { applyDueLimitChanges } from "@/features/due-changes/mutations";
import { now } from "@/lib/clock";
import { registerJob, registerSchedule } from "./registry";

export const DUE_LIMIT_CHANGES = "limit-changes.apply-due";

registerJob(DUE_LIMIT_CHANGES, async ({ progress }) => {
  const at = now();
  let done = 0;
  const applied = await applyDueLimitChanges(at, { onBatch: async (b) => progress((done += b.changes)) });
  await progress(done, done);
  return { applied, superseded: done - applied, asOf: at.toISOString() };
});

registerSchedule({ kind: DUE_LIMIT_CHANGES, key: "due", match: "* * * * *", permission: "limitchanges:read", catchUpAtStart: true });
