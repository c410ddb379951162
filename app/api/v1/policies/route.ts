import { apiRoute, json } from "@/lib/api/route";
import { createPolicySchema } from "@/features/policy/schema";
import { listPolicies } from "@/features/policy/data";
import { createDraft } from "@/features/policy/mutations";

export const GET = apiRoute({ permission: "policy:read" }, async () => ({ items: await listPolicies() }));

export const POST = apiRoute({ permission: "policy:draft", body: createPolicySchema }, async ({ body, actor, requestId, ip }) =>
  json(await createDraft(body, { actor, requestId, ip }), { status: 201, requestId }),
);
