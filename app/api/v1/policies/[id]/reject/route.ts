import { apiRoute } from "@/lib/api/route";
import { policyIdParamsSchema, rejectBodySchema } from "@/features/policy/schema";
import { decide } from "@/features/policy/mutations";

export const POST = apiRoute(
  { permission: "policy:approve", summary: "SUBMITTED → REJECTED with a comment", params: policyIdParamsSchema, body: rejectBodySchema },
  ({ params, body, actor, requestId, ip }) => decide(params.id, "reject", { actor, requestId, ip, comment: body.comment }),
);
