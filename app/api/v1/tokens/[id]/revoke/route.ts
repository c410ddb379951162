import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { idParamsSchema } from "@/features/adjustments/schema";
import { revokeToken } from "@/features/tokens/mutations";

export const POST = apiRoute({ permission: "users:manage", summary: "Revoke a token", params: idParamsSchema, body: z.strictObject({}) }, ({ params, actor, requestId, ip }) =>
  revokeToken(params.id, { actor, requestId, ip }),
);
