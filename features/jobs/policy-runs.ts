// The policy-run jobs: compute a run (one set-based transaction), apply an approved run (batches,
// each committing its items, the run's cursor and the job's progress together, so a re-run after
// kill -9 resumes after the last committed batch) and reject one (one transaction).
import { COMPUTE_RUN_JOB, computePolicyRun, type ComputePayload } from "@/features/policy-runs/mutations";
import { APPLY_RUN_JOB, applyRunBatch, REJECT_RUN_JOB, rejectRunItems, type DecisionPayload } from "@/features/run-approvals/mutations";
import { applyDueLimitChanges } from "@/features/due-changes/mutations";
import { now } from "@/lib/clock";
import { registerJob } from "./registry";

registerJob<ComputePayload>(COMPUTE_RUN_JOB, async ({ payload, progress }) => {
  await applyDueLimitChanges(now()); // due changes first: the run proposes against the limits in force today
  return computePolicyRun(payload, progress);
});

registerJob<DecisionPayload>(APPLY_RUN_JOB, async ({ payload, progress }) => {
  let batches = 0;
  for (;;) {
    const step = await applyRunBatch(payload, progress);
    if (!step.more) return { ...step, batches };
    batches++;
  }
});

registerJob<DecisionPayload>(REJECT_RUN_JOB, async ({ payload, progress }) => rejectRunItems(payload, progress));
