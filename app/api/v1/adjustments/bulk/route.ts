import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { bulkDecisionSchema } from "@/features/adjustments/schema";
import { decideAdjustment } from "@/features/adjustments/mutations";

// Each item is decided in its own transaction: one that cannot be decided is reported, the others go through.
export const POST = apiRoute({ permission: "adjustment:decide", body: bulkDecisionSchema }, async ({ body, actor, requestId, ip }) => {
  const results = [];
  for (const id of [...new Set(body.ids)]) {
    try {
      const { adjustment } = await decideAdjustment(id, body.decision === "approve" ? "APPROVE" : "REJECT", body.comment, { actor, requestId, ip });
      results.push({ id, status: 200, outcome: adjustment.status });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      results.push({ id, status: err.status, message: err.message });
    }
  }
  return { results };
});
