// The import job: validates and applies one received file (mutations.ts applyImport). The whole
// file commits in ONE transaction, so a re-run after kill -9 finds the import still QUEUED and
// applies it from the start, or finds it done and returns — never half of a month.
import { registerJob } from "@/features/jobs/registry";
import { storePreviewColumns } from "@/features/policy/data";
import { applyImport } from "./mutations";
import { IMPORT_JOB, type ImportJobPayload } from "./formats";

const STEPS = ["validating", "checking against the portfolio", "loading statements", "scoring", "updating the current state", "monitoring", "preparing the impact preview"];

registerJob<ImportJobPayload>(IMPORT_JOB, async ({ payload, progress }) => {
  await progress(0, STEPS.length + 1);
  // Progress is recorded outside the import's transaction on purpose: it is only a display, and
  // the work itself is all-or-nothing (see above), so a restart simply starts again at 0.
  const outcome = await applyImport(payload.importId, payload.actor, (step) => void progress(Math.max(0, STEPS.indexOf(step))).catch(() => undefined));
  if (outcome.status === "SUCCEEDED") {
    // After the commit, and only a speed-up: the next cold preview reads the stored columns. Failing
    // here loses nothing (the preview then loads in full), so the import still succeeds.
    await progress(STEPS.length);
    await storePreviewColumns().catch((err: Error) => console.warn(`preview columns not stored after import ${payload.importId}: ${err.message}`));
  }
  await progress(STEPS.length + 1, STEPS.length + 1);
  return { importId: payload.importId, ...outcome };
});
