/**
 * Streams a data file through csv-parse and validates every row: memory holds the parsed columns
 * (numbers), never the file's lines. Any problem → `ok: false` with every bad row (capped list,
 * full count) and no rows; the caller then imports nothing.
 */
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { CHECKS, HEADERS, kindOfHeader, MAX_STORED_ERRORS, type ImportKind, type RowError } from "./formats";

export type ParsedFile = {
  kind: ImportKind | null;
  /** Statements/outcomes: the one month of the file. */
  month: string | null;
  /** Data rows in the file (valid or not). */
  rows: number;
  /** Column values by header name (+ `line`), index = data row (numbers; `month` is not repeated). */
  columns: Record<string, number[]>;
  errors: RowError[];
  errorCount: number;
};

export async function validateFile(input: Buffer | string | AsyncIterable<Buffer | string>): Promise<ParsedFile> {
  const source = typeof input === "string" || Buffer.isBuffer(input) ? Readable.from([input]) : Readable.from(input);
  const parser = source.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }));
  const out: ParsedFile = { kind: null, month: null, rows: 0, columns: {}, errors: [], errorCount: 0 };
  const fail = (line: number, column: string, message: string) => {
    out.errorCount++;
    if (out.errors.length < MAX_STORED_ERRORS) out.errors.push({ line, column, message });
  };
  let header: string[] | null = null;
  let checks: Array<[string, (raw: string) => { value?: number | string; message?: string }]> = [];
  const firstLine = new Map<number, number>();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!header) {
        header = record;
        out.kind = kindOfHeader(record);
        if (!out.kind) {
          fail(line, "*", `unknown header "${record.join(",").slice(0, 120)}"; expected one of: ${Object.values(HEADERS).map((h) => h.join(",")).join(" | ")}`);
          break;
        }
        checks = HEADERS[out.kind].map((c) => [c, CHECKS[out.kind!][c]]);
        for (const [c] of checks) if (c !== "month") out.columns[c] = [];
        out.columns.line = [];
        continue;
      }
      out.rows++;
      if (record.length !== checks.length) {
        fail(line, "*", `expected ${checks.length} fields, found ${record.length}`);
        continue;
      }
      const values: Array<number | string | undefined> = [];
      let ok = true;
      checks.forEach(([column, check], i) => {
        const r = check(record[i]);
        if (r.message) {
          fail(line, column, r.message);
          ok = false;
        }
        values.push(r.value);
      });
      const id = values[0] as number | undefined;
      if (id !== undefined) {
        const seen = firstLine.get(id);
        if (seen !== undefined) {
          fail(line, "borrower_id", `duplicate borrower_id ${id} (first on line ${seen})`);
          ok = false;
        } else firstLine.set(id, line);
      }
      const m = checks.findIndex(([c]) => c === "month");
      if (m >= 0 && typeof values[m] === "string") {
        if (out.month === null) out.month = values[m] as string;
        else if (values[m] !== out.month) {
          fail(line, "month", `every row must be for ${out.month} (one month per file), got ${values[m]}`);
          ok = false;
        }
      }
      if (!ok || out.errorCount > 0) continue; // once anything failed, keep validating but stop collecting
      checks.forEach(([c], i) => c !== "month" && out.columns[c].push(values[i] as number));
      out.columns.line.push(line);
    }
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    fail(e.lines ?? 1, "*", `unreadable CSV: ${e.message ?? String(err)}`);
  }
  if (!header) fail(1, "*", "the file is empty");
  else if (out.kind && out.rows === 0 && out.errorCount === 0) fail(2, "*", "the file has a header but no rows");
  if (out.errorCount > 0) {
    for (const c of Object.keys(out.columns)) out.columns[c] = [];
  }
  return out;
}

/** Renders rows in a file's format (the seed converts the UCI file month by month with it). */
export function toCsv(kind: ImportKind, rows: Array<Array<number | string>>): string {
  return [HEADERS[kind].join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n";
}
