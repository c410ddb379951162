import { apiRoute } from "@/lib/api/route";
import { csvResponse, toCsv } from "@/lib/csv";
import { feedQuerySchema } from "@/features/limit-changes/schema";
import { limitChangeFeed } from "@/features/limit-changes/data";
import { applyDueNow } from "@/features/limit-changes/mutations";

const COLUMNS = ["seq", "id", "borrowerId", "adjustmentId", "appealId", "oldLimit", "newLimit", "approvers", "effectiveDate", "status", "appliedAt", "createdAt"] as const;

// Session users with limitchanges:read, or a service token with scope limit-changes:read.
export const GET = apiRoute({ permission: "limitchanges:read", summary: "Export feed of scheduled and applied limit changes (cursor; Bearer token with scope limit-changes:read)", query: feedQuerySchema }, async ({ query }) => {
  await applyDueNow();
  const page = await limitChangeFeed(query.after, query.limit);
  return query.format === "csv" ? csvResponse(toCsv(page.items, COLUMNS), "limit-changes.csv") : page;
});
