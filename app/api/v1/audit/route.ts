import { apiRoute } from "@/lib/api/route";
import { csvResponse, toCsv } from "@/lib/csv";
import { auditQuerySchema } from "@/features/audit/schema";
import { listAuditEvents } from "@/features/audit/data";

const COLUMNS = ["seq", "at", "actorEmail", "action", "entityType", "entityId", "before", "after", "requestId", "ip", "prevHash", "hash"] as const;

export const GET = apiRoute({ permission: "audit:read", query: auditQuerySchema }, async ({ query }) => {
  if (query.format === "csv") return csvResponse(toCsv((await listAuditEvents(query, true)).items, COLUMNS), "audit.csv");
  return listAuditEvents(query);
});
