import { z } from "zod";
import { apiRoute, json } from "@/lib/api/route";
import { fitStartedSchema } from "@/features/model/candidates";
import { startCandidateFit } from "@/features/model/mutations";

export const POST = apiRoute({
  permission: "model:fit",
  summary: "Fit a candidate model version from the portfolio's data as a job → 202 { jobId } (one fit at a time: while one runs its job is answered, created false); the candidate is active only once another MANAGER/ADMIN approves it",
  body: z.object({}).strict(),
  response: fitStartedSchema,
}, async ({ actor, requestId, ip }) => {
  const job = await startCandidateFit({ id: actor.id, email: actor.email }, { requestId, ip });
  const message = job.created ? `candidate fit job ${job.jobId} started` : `a candidate fit is already ${job.status} (job ${job.jobId})`;
  return json({ jobId: job.jobId, created: job.created, message }, { status: 202, requestId });
});
