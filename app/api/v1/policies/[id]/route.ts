import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { policyIdParamsSchema, updatePolicySchema } from "@/features/policy/schema";
import { getPolicy, toView } from "@/features/policy/data";
import { updateDraft } from "@/features/policy/mutations";

export const GET = apiRoute({ permission: "policy:read", params: policyIdParamsSchema }, async ({ params }) => {
  const policy = await getPolicy(params.id);
  if (!policy) throw notFound(`Policy ${params.id}`);
  return toView(policy);
});

export const PUT = apiRoute(
  { permission: "policy:draft", params: policyIdParamsSchema, body: updatePolicySchema },
  async ({ params, body, actor, requestId, ip }) => updateDraft(params.id, body, { actor, requestId, ip }),
);
