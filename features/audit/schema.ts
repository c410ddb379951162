import { z } from "zod";
import { AUDIT_ACTIONS } from "./actions";

const date = z.iso.date().or(z.iso.datetime({ offset: true }));

export const auditQuerySchema = z.strictObject({
  actor: z.string().trim().max(254).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  from: date.optional(),
  to: date.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
