import { apiRoute, json } from "@/lib/api/route";
import { createPolicySchema } from "@/features/policy/schema";
import { listPolicies } from "@/features/policy/data";
import { createDraft } from "@/features/policy/mutations";

export const GET = apiRoute({ permission: "policy:read", summary: "Policy versions, newest first" }, async () => ({ items: await listPolicies() }));

export const POST = apiRoute({ permission: "policy:draft", summary: "Create a DRAFT (from a config, or a copy of an older version)", body: createPolicySchema }, async ({ body, actor, requestId, ip }) =>
  json(await createDraft(body, { actor, requestId, ip }), { status: 201, requestId }),
);
