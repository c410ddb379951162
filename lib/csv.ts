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

const cells = (rows: object[], columns: readonly string[]) => rows.map((r) => Object.fromEntries(columns.map((c) => [c, csvCell((r as Record<string, unknown>)[c])])));

/** CSV with a header row; every cell goes through `csvCell`. */
export function toCsv(rows: object[], columns: readonly string[]): string {
  return stringify(cells(rows, columns), { header: true, columns: [...columns] });
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
        if (header) controller.enqueue(encoder.encode(stringify([], { header: true, columns: [...columns] })));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(stringify(cells(next.value, columns), { header, columns: [...columns] })));
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
