import { apiRoute } from "@/lib/api/route";
import { modelDecisionBodySchema, modelDecisionResponseSchema, modelVersionParamsSchema } from "@/features/model/schema";
import { decideCandidate } from "@/features/model/mutations";

export const POST = apiRoute({
  permission: "model:approve",
  summary: "Reject a candidate model version (403 for whoever fitted it, 409 when no longer a candidate)",
  params: modelVersionParamsSchema,
  body: modelDecisionBodySchema,
  response: modelDecisionResponseSchema,
}, async ({ params, body, actor, requestId, ip }) =>
  decideCandidate(params.version, "reject", { id: actor.id, email: actor.email }, body.comment ?? null, { requestId, ip }),
);
