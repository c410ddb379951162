/**
 * Parse and validate UCI_Credit_Card.csv. Every problem is collected (never stop at the first),
 * so an analyst can fix a file in one pass; callers must import nothing when issues is non-empty.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { COLUMN_RULES, REQUIRED_COLUMNS, OUTCOME_COLUMN, statusColumn, billColumn, paymentColumn } from "./columns";
import { MONTHS, type BorrowerRecord, type ImportIssue, type MonthRecord, type ParseResult } from "./types";

export const DATA_CSV_ENV = "LIMITDESK_DATA_CSV";

// Decimal or exponent notation only: Number() alone would accept "", " ", "0x10", "Infinity".
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function defaultCsvPath(): string {
  return process.env[DATA_CSV_ENV] ?? path.resolve(process.cwd(), "data", "UCI_Credit_Card.csv");
}

type ParsedRecord = { record: string[]; info: { lines: number } };

export function parseUciCsv(text: string): ParseResult {
  const issues: ImportIssue[] = [];
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
    }) as unknown as ParsedRecord[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { rows: [], issues: [{ line: e.lines ?? 1, column: "*", reason: `unreadable CSV: ${e.message}` }] };
  }
  if (records.length === 0) return { rows: [], issues: [{ line: 1, column: "*", reason: "file is empty" }] };

  const header = records[0].record.map((h) => h.trim());
  const headerLine = records[0].info.lines;
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (index.has(h)) issues.push({ line: headerLine, column: h, reason: "column appears more than once" });
    else index.set(h, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  for (const c of missing) issues.push({ line: headerLine, column: c, reason: "required column is missing" });

  const rows: BorrowerRecord[] = [];
  const firstLineById = new Map<number, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== header.length) {
      issues.push({ line, column: "*", reason: `expected ${header.length} fields, found ${record.length}` });
      continue;
    }
    const values: Record<string, number> = {};
    let rowOk = true;
    for (const col of REQUIRED_COLUMNS) {
      const i = index.get(col);
      if (i === undefined) continue; // already reported on the header
      const raw = record[i].trim();
      const v = NUMERIC.test(raw) ? Number(raw) : NaN;
      const reason = Number.isFinite(v) ? COLUMN_RULES[col].check(v) : `not a number: "${raw}"`;
      if (reason) {
        issues.push({ line, column: col, reason: Number.isFinite(v) ? `${reason} (got ${raw})` : reason });
        rowOk = false;
      }
      values[col] = v;
    }
    if (index.has("ID") && Number.isInteger(values.ID) && values.ID > 0) {
      const first = firstLineById.get(values.ID);
      if (first !== undefined) {
        issues.push({ line, column: "ID", reason: `duplicate ID ${values.ID} (first seen on line ${first})` });
        rowOk = false;
      } else firstLineById.set(values.ID, line);
    }
    if (rowOk && missing.length === 0) rows.push(toBorrower(values));
  }
  // Callers import nothing when anything is wrong, so never hand back a partial set of rows.
  return issues.length > 0 ? { rows: [], issues } : { rows, issues };
}

function toBorrower(v: Record<string, number>): BorrowerRecord {
  const months: MonthRecord[] = MONTHS.map((month, m) => {
    const pos = 6 - m; // source position: 1 = September (newest), 6 = April (oldest)
    return { month, bill: v[billColumn(pos)], payment: v[paymentColumn(pos)], status: v[statusColumn(pos)] };
  });
  return {
    id: v.ID,
    limit: v.LIMIT_BAL,
    sex: v.SEX,
    education: v.EDUCATION,
    marriage: v.MARRIAGE,
    age: v.AGE,
    outcome: v[OUTCOME_COLUMN] === 1 ? 1 : 0,
    months,
  };
}

/** Read and parse the CSV; a missing file gets a message that says how to point elsewhere. */
export function loadUciCsv(filePath: string = defaultCsvPath()): ParseResult {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new Error(
        `UCI credit card CSV not found at ${filePath}. Set the environment variable ${DATA_CSV_ENV} to override the path.`,
      );
    }
    throw new Error(`Could not read UCI credit card CSV at ${filePath}: ${(err as Error).message}`);
  }
  return parseUciCsv(text);
}

/** Human-readable summary of issues for error messages / logs. */
export function formatIssues(issues: ImportIssue[], max = 20): string {
  const shown = issues.slice(0, max).map((i) => `line ${i.line}, ${i.column}: ${i.reason}`);
  if (issues.length > max) shown.push(`… and ${issues.length - max} more`);
  return shown.join("\n");
}
