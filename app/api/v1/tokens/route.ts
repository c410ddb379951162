import { apiRoute, json } from "@/lib/api/route";
import { createTokenSchema } from "@/features/tokens/schema";
import { listTokens } from "@/features/tokens/data";
import { createToken } from "@/features/tokens/mutations";

export const GET = apiRoute({ permission: "users:manage", summary: "Service-account API tokens" }, async () => ({ items: await listTokens() }));

// The token itself is in this answer only; the database keeps its hash.
export const POST = apiRoute({ permission: "users:manage", summary: "Create a token (shown once; an Idempotency-Key replay omits it)", body: createTokenSchema, replayRedacts: ["token"] }, async ({ body, actor, requestId, ip }) =>
  json(await createToken(body.name, body.scope, { actor, requestId, ip }), { status: 201, requestId }),
);
