// The one CSV writer of every export (borrowers, audit trail, limit-change feed, future ones).

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

// RFC 4180 fields, written as csv-stringify writes them by default (lib/csv.test.ts compares both on
// random cells): quoted when they hold a comma, a quote, CR or LF, quotes doubled; true → "1",
// false → "". Hand-written because csv-stringify cost ~15 µs per row, most of a 2 M-row export.
const NEEDS_QUOTES = /[",\r\n]/;
function field(v: string | number | boolean): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "1" : "";
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV record (with its line break) of already-escaped cells. */
export function csvLine(values: ReadonlyArray<string | number | boolean>): string {
  let line = "";
  for (let k = 0; k < values.length; k++) line += (k ? "," : "") + field(values[k]);
  return line + "\n";
}

/** Rows as CSV records, every cell through `csvCell`, in `columns` order. */
function records(rows: object[], columns: readonly string[]): string {
  let out = "";
  for (const r of rows) out += csvLine(columns.map((c) => csvCell((r as Record<string, unknown>)[c])));
  return out;
}

/** CSV with a header row; every cell goes through `csvCell`. */
export function toCsv(rows: object[], columns: readonly string[]): string {
  return csvLine(columns) + records(rows, columns);
}

/**
 * The same CSV, streamed: a header, then each batch as it arrives (the caller's generator reads the
 * next keyset batch only when the client has taken the previous one), so memory stays constant
 * however many rows match. An error after the header has gone out can only cut the download short.
 */
export function csvStreamResponse(batches: AsyncIterable<object[]>, columns: readonly string[], filename: string) {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let header = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (header) controller.enqueue(encoder.encode(csvLine(columns)));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode((header ? csvLine(columns) : "") + records(next.value, columns)));
      header = false;
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return csvResponse(body, filename);
}

export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
