import { toCsv } from "@/lib/csv";

export const AUDIT_CSV_COLUMNS = ["seq", "at", "actorEmail", "action", "entityType", "entityId", "before", "after", "requestId", "ip", "prevHash", "hash"] as const;

/** The audit export, through the shared writer (formula-like cells escaped). */
export function auditCsv(items: object[]): string {
  return toCsv(items, AUDIT_CSV_COLUMNS);
}
