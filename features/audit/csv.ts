import { csvStreamResponse, toCsv } from "@/lib/csv";

export const AUDIT_CSV_COLUMNS = ["seq", "at", "actorEmail", "action", "entityType", "entityId", "before", "after", "requestId", "ip", "prevHash", "hash"] as const;

/** The audit export, through the shared writer (formula-like cells escaped). */
export function auditCsv(items: object[]): string {
  return toCsv(items, AUDIT_CSV_COLUMNS);
}

/** The same, streamed batch by batch (constant memory). */
export function auditCsvResponse(batches: AsyncIterable<object[]>) {
  return csvStreamResponse(batches, AUDIT_CSV_COLUMNS, "audit.csv");
}
