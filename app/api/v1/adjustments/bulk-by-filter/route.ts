import { apiRoute, json } from "@/lib/api/route";
import { bulkByFilterSchema } from "@/features/adjustments/schema";
import { startBulkByFilter } from "@/features/adjustments/mutations";

export const POST = apiRoute(
  {
    permission: "adjustment:decide",
    summary: "Decide every PENDING adjustment matching an inbox filter (server-side, not only the visible page) as a job → 202 { jobId, matched }",
    body: bulkByFilterSchema,
  },
  async ({ body, actor, requestId }) =>
    json(await startBulkByFilter({ filter: body.filter, decision: body.decision === "approve" ? "APPROVE" : "REJECT", comment: body.comment, actor, requestId }), { status: 202, requestId }),
);
