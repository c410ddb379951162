import { apiRoute } from "@/lib/api/route";
import { csvResponse } from "@/lib/csv";
import { auditQuerySchema } from "@/features/audit/schema";
import { listAuditEvents } from "@/features/audit/data";
import { auditCsv } from "@/features/audit/csv";

export const GET = apiRoute({ permission: "audit:read", summary: "Audit trail with filters (format=csv for all rows)", query: auditQuerySchema }, async ({ query }) => {
  if (query.format === "csv") return csvResponse(auditCsv((await listAuditEvents(query, true)).items), "audit.csv");
  return listAuditEvents(query);
});
