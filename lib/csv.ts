// The one CSV writer of every export (borrowers, audit trail, limit-change feed, future ones).
import { stringify } from "csv-stringify/sync";

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection, issue 9
// §9); such text cells get a leading apostrophe, which spreadsheets show as plain text. Number
// cells stay numbers, so a negative amount (-30000) is still a number in the spreadsheet.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text that could start a formula escaped, objects and arrays as JSON, null empty. */
export function csvCell(v: unknown): string | number | boolean {
  if (v == null) return "";
  if (typeof v === "number" || typeof v === "boolean") return v;
  const text = v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV with a header row; every cell goes through `csvCell`. */
export function toCsv(rows: object[], columns: readonly string[]): string {
  return stringify(
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, csvCell((r as Record<string, unknown>)[c])]))),
    { header: true, columns: [...columns] },
  );
}

export function csvResponse(body: string, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
