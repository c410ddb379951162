import { stringify } from "csv-stringify/sync";
import type { BorrowerListItem } from "./schema";

export const CSV_COLUMNS = ["id", "month", "score", "pd", "tier", "previousTier", "limit", "balance", "utilization"] as const;

/** CSV with the JSON field names as columns; the borrower id is the data set's ID. */
export function borrowersCsv(items: BorrowerListItem[]): string {
  return stringify(
    items.map((i) => ({ ...i, previousTier: i.previousTier ?? "" })),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}
