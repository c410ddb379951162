import { toCsv } from "@/lib/csv";
import type { BorrowerListItem } from "./schema";

export const CSV_COLUMNS = ["id", "month", "score", "pd", "tier", "previousTier", "tierChangeCause", "limit", "balance", "utilization", "availableCredit"] as const;

/** CSV with the JSON field names as columns; the borrower id is the data set's ID. */
export function borrowersCsv(items: BorrowerListItem[]): string {
  return toCsv(items, CSV_COLUMNS);
}
