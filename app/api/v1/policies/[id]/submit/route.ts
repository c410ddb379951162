import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { policyIdParamsSchema } from "@/features/policy/schema";
import { decide } from "@/features/policy/mutations";

export const POST = apiRoute(
  { permission: "policy:draft", summary: "DRAFT → SUBMITTED (author)", params: policyIdParamsSchema, body: z.strictObject({}) },
  ({ params, actor, requestId, ip }) => decide(params.id, "submit", { actor, requestId, ip }),
);
