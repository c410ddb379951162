import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { policyIdParamsSchema, updatePolicySchema } from "@/features/policy/schema";
import { getPolicy, toView } from "@/features/policy/data";
import { updateDraft } from "@/features/policy/mutations";
import { entityHistory } from "@/features/audit/data";

export const GET = apiRoute({ permission: "policy:read", summary: "One policy version with its audit history", params: policyIdParamsSchema }, async ({ params }) => {
  const policy = await getPolicy(params.id);
  if (!policy) throw notFound(`Policy ${params.id}`);
  // A policy's own history is part of reading the policy; the full trail needs audit:read.
  return { ...toView(policy), history: await entityHistory("Policy", policy.id) };
});

export const PUT = apiRoute(
  { permission: "policy:draft", summary: "Edit a DRAFT (author only; 409 otherwise)", params: policyIdParamsSchema, body: updatePolicySchema },
  async ({ params, body, actor, requestId, ip }) => updateDraft(params.id, body, { actor, requestId, ip }),
);
