import { z } from "zod";
import { AUDIT_ACTIONS } from "./actions";
import { queryInt32, safeText } from "@/lib/api/input";

const date = z.iso.date().or(z.iso.datetime({ offset: true }));

export const auditQuerySchema = z.strictObject({
  actor: safeText().trim().max(254).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  entityType: safeText().trim().max(60).optional(),
  entityId: safeText().trim().max(60).optional(),
  from: date.optional(),
  to: date.optional(),
  page: queryInt32().min(1).default(1),
  pageSize: queryInt32().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
