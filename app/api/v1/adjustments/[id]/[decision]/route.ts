// POST /api/v1/adjustments/{id}/approve|reject — accepts an Idempotency-Key header.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { approveAdjustmentSchema, idParamsSchema, rejectAdjustmentSchema } from "@/features/adjustments/schema";
import { decideAdjustment } from "@/features/adjustments/mutations";

const params = idParamsSchema.extend({ decision: z.string() });

const handlers = {
  approve: apiRoute({ permission: "adjustment:decide", params, body: approveAdjustmentSchema }, ({ params, body, actor, requestId, ip, idempotencyKey }) =>
    decideAdjustment(params.id, "APPROVE", body.comment, { actor, requestId, ip, idempotencyKey }),
  ),
  reject: apiRoute({ permission: "adjustment:decide", params, body: rejectAdjustmentSchema }, ({ params, body, actor, requestId, ip, idempotencyKey }) =>
    decideAdjustment(params.id, "REJECT", body.comment, { actor, requestId, ip, idempotencyKey }),
  ),
};

export async function POST(request: NextRequest, context: { params: Promise<{ id: string; decision: string }> }) {
  const { decision } = await context.params;
  const handler = handlers[decision as keyof typeof handlers];
  if (!handler) return Response.json({ status: 404, message: `Unknown decision "${decision}" (use approve or reject)` }, { status: 404 });
  return handler(request, context);
}
