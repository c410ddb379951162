// Scheduled limit changes take effect at their effective date by job: every minute, and once when
// a worker starts (catch-up). applyDueLimitChanges is idempotent (each change applied once by a
// conditional update), so a run repeated after a restart applies only what is still due.
import { applyDueLimitChanges } from "@/features/limit-changes/mutations";
import { now } from "@/lib/clock";
import { registerJob, registerSchedule } from "./registry";

export const DUE_LIMIT_CHANGES = "limit-changes.apply-due";

registerJob(DUE_LIMIT_CHANGES, async ({ progress }) => {
  const at = now();
  let applied = 0;
  // applyDueLimitChanges takes a bounded batch per call; loop until nothing due at `at` is left.
  for (;;) {
    const n = await applyDueLimitChanges(at);
    if (n === 0) break;
    applied += n;
    await progress(applied);
  }
  await progress(applied, applied);
  return { applied, asOf: at.toISOString() };
});

registerSchedule({ kind: DUE_LIMIT_CHANGES, key: "due", match: "* * * * *", permission: "limitchanges:read", catchUpAtStart: true });
