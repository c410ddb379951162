// POST /api/v1/policies/{id}/submit|approve|reject|activate|run
import type { NextRequest } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { approveBodySchema, policyIdParamsSchema, rejectBodySchema } from "@/features/policy/schema";
import { activate, decide } from "@/features/policy/mutations";
import { runActivePolicy } from "@/features/policy-runs/mutations";
import { applyDueNow } from "@/features/limit-changes/mutations";

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
  run: apiRoute({ permission: "adjustment:propose", params, body: z.strictObject({}) }, async ({ params, actor, requestId, ip }) => {
    await applyDueNow();
    const result = await runActivePolicy({ actor, requestId, ip }, params.id);
    const { run } = result;
    const message = result.alreadyRan
      ? `Already ran v${run.policyVersion} on ${run.month}: nothing new created.`
      : `Created ${result.created.toLocaleString("en-US")} pending adjustments from v${run.policyVersion} on ${run.month}` +
        (result.skippedPending ? ` (${result.skippedPending} borrowers skipped: they already had a pending adjustment).` : ".");
    return { runId: run.id, policyVersion: run.policyVersion, month: run.month, created: result.created, alreadyRan: result.alreadyRan, skippedPending: result.skippedPending, message };
  }),
  activate: apiRoute({ permission: "policy:approve", params, body: z.strictObject({}) }, ({ params, actor, requestId, ip }) =>
    activate(params.id, { actor, requestId, ip }),
  ),
};

export async function POST(request: NextRequest, context: { params: Promise<{ id: string; action: string }> }) {
  const { action } = await context.params;
  const handler = handlers[action as keyof typeof handlers];
  if (!handler) {
    return Response.json({ status: 404, message: `Unknown action "${action}" (use submit, approve, reject, activate or run)` }, { status: 404 });
  }
  return handler(request, context);
}
