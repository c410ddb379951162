import { z } from "zod";
import { AUDIT_ACTIONS } from "./actions";
import { INT32_MAX, queryInt32, safeText } from "@/lib/api/input";
import { cursorParam } from "@/lib/cursor";

const date = z.iso.date().or(z.iso.datetime({ offset: true }));

export const auditQuerySchema = z
  .strictObject({
  actor: safeText().trim().max(254).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  entityType: safeText().trim().max(60).optional(),
  entityId: safeText().trim().max(60).optional(),
  from: date.optional(),
  to: date.optional(),
  /** Events about this borrower: the borrower itself and adjustments, limit changes, notices, appeals naming it. */
  borrowerId: queryInt32().positive().optional(),
  /** Log-in and log-out events are left out unless asked for (issue 11 §6). */
  logins: z.enum(["include", "exclude"]).default("exclude"),
  /** nextCursor of the previous answer (newest first: the next page holds older events). */
  cursor: cursorParam().optional(),
  page: queryInt32().min(1).max(200).default(1),
  pageSize: queryInt32().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
  })
  // A from-date after the to-date is an error, not an empty result. `when` runs it even when other
  // fields failed, so guard every access.
  .refine((q) => !q?.from || !q?.to || q.from.slice(0, 10) <= q.to.slice(0, 10), {
    path: ["from"],
    message: "must be on or before the to-date",
    when: () => true,
  })
  .refine((q) => !(q?.cursor && q.page > 1), { path: ["page"], message: "give either page or cursor, not both", when: () => true });

/** An audit cursor: the last event's seq (events are listed newest first). */
export const auditCursorSchema = z.strictObject({ seq: z.number().int().min(1).max(INT32_MAX) });
export type AuditQuery = z.output<typeof auditQuerySchema>;
