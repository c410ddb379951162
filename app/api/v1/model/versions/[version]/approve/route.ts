import { apiRoute } from "@/lib/api/route";
import { modelDecisionBodySchema, modelDecisionResponseSchema, modelVersionParamsSchema } from "@/features/model/schema";
import { decideCandidate } from "@/features/model/mutations";

export const POST = apiRoute({
  permission: "model:approve",
  summary: "Approve a candidate model version: it becomes ACTIVE (the previous one RETIRED) and a job re-scores the latest month (403 for whoever fitted it, 409 when no longer a candidate)",
  params: modelVersionParamsSchema,
  body: modelDecisionBodySchema,
  response: modelDecisionResponseSchema,
}, async ({ params, body, actor, requestId, ip }) =>
  decideCandidate(params.version, "approve", { id: actor.id, email: actor.email }, body.comment ?? null, { requestId, ip }),
);
