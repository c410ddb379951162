import { z } from "zod";
import { AUDIT_ACTIONS } from "./actions";
import { INT32_MAX, queryInt32, safeText } from "@/lib/api/input";
import { cursorParam } from "@/lib/cursor";

const date = z.iso.date().or(z.iso.datetime({ offset: true }));

export const auditQuerySchema = z.strictObject({
  actor: safeText().trim().max(254).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  entityType: safeText().trim().max(60).optional(),
  entityId: safeText().trim().max(60).optional(),
  from: date.optional(),
  to: date.optional(),
  /** nextCursor of the previous answer (newest first: the next page holds older events). */
  cursor: cursorParam().optional(),
  page: queryInt32().min(1).max(200).default(1),
  pageSize: queryInt32().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
}).refine((q) => !(q.cursor && q.page > 1), { path: ["page"], message: "give either page or cursor, not both" });

/** An audit cursor: the last event's seq (events are listed newest first). */
export const auditCursorSchema = z.strictObject({ seq: z.number().int().min(1).max(INT32_MAX) });
export type AuditQuery = z.output<typeof auditQuerySchema>;
