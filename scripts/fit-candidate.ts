// The candidate fit's own process (features/model/fit-job.ts spawns it, so the CPU-bound fit never
// blocks the server that runs the job queue): loads the portfolio from DATABASE_URL, fits the
// scorecard as `npm run model:fit` does, stores it as a CANDIDATE fitted by the job's requester,
// and prints one JSON line per step ({"step": …}) and a last one with the result.
import { portfolioForFit } from "@/features/model/data";
import { createCandidate } from "@/features/model/mutations";
import { candidateVersion, FIT_STEPS } from "@/features/model/candidates";
import { OUTCOME_MONTH } from "@/features/monitoring/snapshots";
import { fitOptions, fitScorecard } from "@/features/scoring/fit";
import { validateModel } from "@/features/scoring/validate";
import { runCli } from "./cli";

const actor = JSON.parse(process.argv[2] ?? "null") as { id: string | null; email: string | null } | null;
const step = (s: (typeof FIT_STEPS)[number]) => console.log(JSON.stringify({ step: s }));

await runCli(async () => {
  if (!actor?.email) throw new Error("usage: fit-candidate.ts '{\"id\":…,\"email\":…}'");
  step("loading the portfolio");
  const rows = await portfolioForFit(OUTCOME_MONTH);
  if (rows.length < 100) throw new Error(`Only ${rows.length} borrowers have all six months before ${OUTCOME_MONTH}: too few to fit.`);
  // The committed split (IDs 1–24,000 train, the rest holdout) when the portfolio holds it; a smaller
  // portfolio trains on its first 80 % of ids. Cross-validation (features/scoring/validate.ts) is
  // defined on the committed split only, so it runs only there.
  const maxId = rows[rows.length - 1].id;
  const committed = maxId > fitOptions().trainMaxId;
  const trainMaxId = committed ? fitOptions().trainMaxId : rows[Math.floor(rows.length * 0.8) - 1].id;
  step("fitting");
  const fitted = fitScorecard(rows, { trainMaxId });
  step("cross-validating");
  const model = committed ? { ...fitted, validation: validateModel(fitted, rows) } : fitted;
  step("storing the candidate");
  const stored = await createCandidate(model, candidateVersion(model.version, new Date()), actor);
  console.log(JSON.stringify({ result: { version: stored.version, borrowers: rows.length, trainMaxId, holdout: { auc: model.holdout.auc, ks: model.holdout.ks }, cvAuc: model.validation?.cv.auc ?? null } }));
});
