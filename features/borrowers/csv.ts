import { csvStreamResponse, toCsv } from "@/lib/csv";
import type { BorrowerListItem } from "./schema";

export const CSV_COLUMNS = ["id", "month", "score", "pd", "tier", "previousTier", "tierChangeCause", "limit", "balance", "utilization", "availableCredit"] as const;

/** CSV with the JSON field names as columns; the borrower id is the data set's ID. Streamed batch by batch. */
export function borrowersCsvResponse(batches: AsyncIterable<BorrowerListItem[]>, filename = "borrowers.csv") {
  return csvStreamResponse(batches, CSV_COLUMNS, filename);
}

/** The same columns as one string (small sets, tests). */
export function borrowersCsv(items: BorrowerListItem[]): string {
  return toCsv(items, CSV_COLUMNS);
}
