import { apiRoute } from "@/lib/api/route";
import { csvStreamResponse } from "@/lib/csv";
import { feedQuerySchema } from "@/features/limit-changes/schema";
import { limitChangeBatches, limitChangeFeed } from "@/features/limit-changes/data";

const COLUMNS = ["seq", "id", "borrowerId", "adjustmentId", "appealId", "oldLimit", "newLimit", "approvers", "effectiveDate", "status", "appliedAt", "createdAt"] as const;

// Session users with limitchanges:read, or a service token with scope limit-changes:read.
// Due changes are applied by the job limit-changes.apply-due (features/jobs), not by this read.
export const GET = apiRoute({ permission: "limitchanges:read", summary: "Export feed of scheduled and applied limit changes (cursor `after` = nextCursor; format=csv: every change after the cursor, streamed; Bearer token with scope limit-changes:read)", query: feedQuerySchema }, async ({ query }) => {
  if (query.format === "csv") return csvStreamResponse(limitChangeBatches(query.after), COLUMNS, "limit-changes.csv");
  return limitChangeFeed(query.after, query.limit);
});
