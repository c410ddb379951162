import { apiRoute } from "@/lib/api/route";
import { auditQuerySchema } from "@/features/audit/schema";
import { auditBatches, listAuditEvents } from "@/features/audit/data";
import { auditCsvResponse } from "@/features/audit/csv";

export const GET = apiRoute({ permission: "audit:read", summary: "Audit trail, newest first, with filters; keyset-paged by `cursor` (format=csv: every matching event, streamed)", query: auditQuerySchema }, async ({ query }) => {
  if (query.format === "csv") return auditCsvResponse(auditBatches(query));
  return listAuditEvents(query);
});
