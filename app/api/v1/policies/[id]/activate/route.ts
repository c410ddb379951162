import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { policyIdParamsSchema } from "@/features/policy/schema";
import { activate } from "@/features/policy/mutations";

export const POST = apiRoute(
  { permission: "policy:approve", summary: "APPROVED → ACTIVE; retires the previous one and re-tiers the latest month", params: policyIdParamsSchema, body: z.strictObject({}) },
  ({ params, actor, requestId, ip }) => activate(params.id, { actor, requestId, ip }),
);
