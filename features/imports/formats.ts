/**
 * The three data files the desk accepts (README "Data files"), and their validation. Pure: the
 * import job, the seed, the CLI and the tests use the same code. A file is recognised by its
 * header; every bad cell is listed (line, column, reason) and a file with any bad row is applied
 * not at all, so a sender fixes it in one pass.
 */
/** The job kind that applies a received file (job.ts). */
export const IMPORT_JOB = "imports.apply";
export type ImportJobPayload = { importId: string; actor: { id: string | null; email: string | null } | null };

export const IMPORT_KINDS = ["STATEMENTS", "BORROWERS", "OUTCOMES"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const HEADERS: Record<ImportKind, readonly string[]> = {
  STATEMENTS: ["borrower_id", "month", "limit", "bill", "payment", "repayment_status"],
  BORROWERS: ["borrower_id", "sex", "education", "marriage", "age"],
  OUTCOMES: ["borrower_id", "month", "defaulted"],
};

/** line is the 1-based line of the file (header = line 1); column is the header name or "*". */
export type RowError = { line: number; column: string; message: string };

/** Stored and returned per import: the full count is kept, the list is capped (a 1 M-row file of garbage must not store 1 M messages). */
export const MAX_STORED_ERRORS = 1000;

const INT32 = 2_147_483_647;
const INTEGER = /^[+-]?\d+$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

type Check = (raw: string) => { value?: number | string; message?: string };

const int = (lo: number, hi: number, what = `between ${lo} and ${hi}`): Check => (raw) => {
  if (!INTEGER.test(raw)) return { message: `must be a whole number (got "${raw.slice(0, 40)}")` };
  const v = Number(raw);
  return v >= lo && v <= hi ? { value: v } : { message: `must be ${what} (got ${raw})` };
};
const month: Check = (raw) => {
  const m = MONTH.exec(raw);
  if (!m || Number(m[1]) < 1900 || Number(m[1]) > 2999) return { message: `must be a month as YYYY-MM (got "${raw.slice(0, 40)}")` };
  return { value: raw };
};

const ID = int(1, INT32, "a positive whole number");
// The data set's own status codes: -2 no use, -1 paid in full, 0 revolving, 1..9 months late.
const STATUS = int(-2, 9);

export const CHECKS: Record<ImportKind, Record<string, Check>> = {
  STATEMENTS: {
    borrower_id: ID, month, limit: int(1, INT32, "greater than 0"), bill: int(-INT32, INT32, "a whole NT$ amount"),
    payment: int(0, INT32, "0 or more"), repayment_status: STATUS,
  },
  // EDUCATION 0/5/6 and MARRIAGE 0 are undocumented but occur in the real data: accepted (as the UCI loader does).
  BORROWERS: { borrower_id: ID, sex: int(1, 2, "1 or 2"), education: int(0, 6), marriage: int(0, 3), age: int(18, 120) },
  OUTCOMES: { borrower_id: ID, month, defaulted: int(0, 1, "0 or 1") },
};

export function kindOfHeader(header: string[]): ImportKind | null {
  const h = header.map((c) => c.trim().toLowerCase()).join(",");
  return IMPORT_KINDS.find((k) => HEADERS[k].join(",") === h) ?? null;
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month after `m` (YYYY-MM). */
export function nextMonth(m: string): string {
  const [y, mo] = m.split("-").map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
}
