import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { policyIdParamsSchema } from "@/features/policy/schema";
import { discardDraft } from "@/features/policy/mutations";

export const POST = apiRoute(
  { permission: "policy:draft", summary: "Discard a DRAFT (author; soft delete, audited)", params: policyIdParamsSchema, body: z.strictObject({}) },
  ({ params, actor, requestId, ip }) => discardDraft(params.id, { actor, requestId, ip }),
);
