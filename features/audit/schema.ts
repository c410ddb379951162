import { z } from "zod";
import { AUDIT_ACTIONS } from "./actions";
import { queryInt32, safeText } from "@/lib/api/input";

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
  page: queryInt32().min(1).default(1),
  pageSize: queryInt32().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
  })
  // A from-date after the to-date is an error, not an empty result. `when` runs it even when other
  // fields failed, so guard every access.
  .refine((q) => !q?.from || !q?.to || q.from.slice(0, 10) <= q.to.slice(0, 10), {
    path: ["from"],
    message: "must be on or before the to-date",
    when: () => true,
  });
export type AuditQuery = z.output<typeof auditQuerySchema>;
