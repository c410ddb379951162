import { apiRoute } from "@/lib/api/route";
import { approveBodySchema, policyIdParamsSchema } from "@/features/policy/schema";
import { decide } from "@/features/policy/mutations";

export const POST = apiRoute(
  { permission: "policy:approve", summary: "SUBMITTED → APPROVED (not the author: 403)", params: policyIdParamsSchema, body: approveBodySchema },
  ({ params, body, actor, requestId, ip }) => decide(params.id, "approve", { actor, requestId, ip, comment: body.comment }),
);
