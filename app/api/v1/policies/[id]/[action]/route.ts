// POST /api/v1/policies/{id}/submit|approve|reject|activate
import type { NextRequest } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { approveBodySchema, policyIdParamsSchema, rejectBodySchema } from "@/features/policy/schema";
import { activate, decide } from "@/features/policy/mutations";

const params = policyIdParamsSchema.extend({ action: z.string() });

const handlers = {
  submit: apiRoute({ permission: "policy:draft", params, body: z.strictObject({}) }, ({ params, actor, requestId, ip }) =>
    decide(params.id, "submit", { actor, requestId, ip }),
  ),
  approve: apiRoute({ permission: "policy:approve", params, body: approveBodySchema }, ({ params, body, actor, requestId, ip }) =>
    decide(params.id, "approve", { actor, requestId, ip, comment: body.comment }),
  ),
  reject: apiRoute({ permission: "policy:approve", params, body: rejectBodySchema }, ({ params, body, actor, requestId, ip }) =>
    decide(params.id, "reject", { actor, requestId, ip, comment: body.comment }),
  ),
  activate: apiRoute({ permission: "policy:approve", params, body: z.strictObject({}) }, ({ params, actor, requestId, ip }) =>
    activate(params.id, { actor, requestId, ip }),
  ),
};

export async function POST(request: NextRequest, context: { params: Promise<{ id: string; action: string }> }) {
  const { action } = await context.params;
  const handler = handlers[action as keyof typeof handlers];
  if (!handler) {
    return Response.json({ status: 404, message: `Unknown action "${action}" (use submit, approve, reject or activate)` }, { status: 404 });
  }
  return handler(request, context);
}
