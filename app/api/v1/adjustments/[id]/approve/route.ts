import { apiRoute } from "@/lib/api/route";
import { approveAdjustmentSchema, idParamsSchema } from "@/features/adjustments/schema";
import { decideAdjustment } from "@/features/adjustments/mutations";

export const POST = apiRoute(
  { permission: "adjustment:decide", summary: "Approve (not the proposer; 409 when decided; Idempotency-Key replays the first answer)", params: idParamsSchema, body: approveAdjustmentSchema },
  ({ params, body, actor, requestId, ip, idempotencyKey }) => decideAdjustment(params.id, "APPROVE", body.comment, { actor, requestId, ip, idempotencyKey }),
);
