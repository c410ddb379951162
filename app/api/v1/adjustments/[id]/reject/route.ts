import { apiRoute } from "@/lib/api/route";
import { idParamsSchema, rejectAdjustmentSchema } from "@/features/adjustments/schema";
import { decideAdjustment } from "@/features/adjustments/mutations";

export const POST = apiRoute(
  { permission: "adjustment:decide", summary: "Reject with a comment (not the proposer; 409 when decided)", params: idParamsSchema, body: rejectAdjustmentSchema },
  ({ params, body, actor, requestId, ip, idempotencyKey }) => decideAdjustment(params.id, "REJECT", body.comment, { actor, requestId, ip, idempotencyKey }),
);
