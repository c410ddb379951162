/**
 * Column layout of UCI_Credit_Card.csv and the validation rule for each column.
 * The source numbers months backwards (1 = September 2005, 6 = April 2005) and has no PAY_1;
 * we translate to month indexes 0..5 oldest-first, so index m <-> source position 6 - m.
 */
export type CellRule = {
  /** Check an already-finite number; return a reason if it is not acceptable. */
  check: (v: number) => string | null;
};

const integer = (v: number) => (Number.isInteger(v) ? null : "must be a whole number");
const all =
  (...checks: Array<(v: number) => string | null>) =>
  (v: number) => {
    for (const c of checks) {
      const r = c(v);
      if (r) return r;
    }
    return null;
  };
const range = (lo: number, hi: number) => (v: number) =>
  v >= lo && v <= hi ? null : `must be between ${lo} and ${hi}`;
const oneOf = (...allowed: number[]) => (v: number) =>
  allowed.includes(v) ? null : `must be one of ${allowed.join(", ")}`;

export const statusColumn = (pos: number) => (pos === 1 ? "PAY_0" : `PAY_${pos}`);
export const billColumn = (pos: number) => `BILL_AMT${pos}`;
export const paymentColumn = (pos: number) => `PAY_AMT${pos}`;
export const OUTCOME_COLUMN = "default.payment.next.month";

const POSITIONS = [1, 2, 3, 4, 5, 6];

export const COLUMN_RULES: Record<string, CellRule> = {
  ID: { check: all(integer, (v) => (v > 0 ? null : "must be positive")) },
  LIMIT_BAL: { check: all(integer, (v) => (v > 0 ? null : "must be greater than 0")) },
  SEX: { check: all(integer, oneOf(1, 2)) },
  // EDUCATION 0/5/6 and MARRIAGE 0 are undocumented but present in the real file: accept them.
  EDUCATION: { check: all(integer, range(0, 6)) },
  MARRIAGE: { check: all(integer, range(0, 3)) },
  AGE: { check: all(integer, range(18, 120)) },
  ...Object.fromEntries(POSITIONS.map((p) => [statusColumn(p), { check: all(integer, range(-2, 9)) }])),
  // Bills can be negative (credit balance): only integrality is checked.
  ...Object.fromEntries(POSITIONS.map((p) => [billColumn(p), { check: integer }])),
  ...Object.fromEntries(
    POSITIONS.map((p) => [paymentColumn(p), { check: all(integer, (v) => (v >= 0 ? null : "must not be negative")) }]),
  ),
  [OUTCOME_COLUMN]: { check: all(integer, oneOf(0, 1)) },
};

/** All 25 required columns in the file's canonical order. */
export const REQUIRED_COLUMNS: string[] = [
  "ID",
  "LIMIT_BAL",
  "SEX",
  "EDUCATION",
  "MARRIAGE",
  "AGE",
  ...POSITIONS.map(statusColumn),
  ...POSITIONS.map(billColumn),
  ...POSITIONS.map(paymentColumn),
  OUTCOME_COLUMN,
];
