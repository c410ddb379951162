// After a model activation: re-score the latest month with it. One transaction (rescoreLatestMonth),
// so a re-run after kill -9 simply does it again from the same statements.
import { registerJob } from "@/features/jobs/registry";
import { rescoreLatestMonth } from "@/features/imports/mutations";
import { RESCORE_JOB } from "./candidates";

type Payload = { version: string; actor: { id: string | null; email: string | null } | null };

registerJob<Payload>(RESCORE_JOB, async ({ payload, progress }) => {
  await progress(0, 4);
  const steps = ["scoring", "updating the current state", "monitoring"];
  const r = await rescoreLatestMonth(payload.actor, (step) => void progress(steps.indexOf(step) + 1).catch(() => undefined));
  await progress(4, 4);
  return { modelVersion: payload.version, ...(r ?? { month: null }) };
});
