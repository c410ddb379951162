/**
 * Shapes of the UCI "Default of Credit Card Clients" data once imported.
 * Months are held oldest -> newest so that "month index" 0 = April 2005 and 5 = September 2005.
 */
export const MONTHS = ["2005-04", "2005-05", "2005-06", "2005-07", "2005-08", "2005-09"] as const;
export type Month = (typeof MONTHS)[number];

/** One statement month: status = PAY_x, bill = BILL_AMTx, payment = PAY_AMTx (same source index). */
export type MonthRecord = { month: string; bill: number; payment: number; status: number };

export type BorrowerRecord = {
  id: number;
  limit: number;
  sex: number;
  education: number;
  marriage: number;
  age: number;
  /** default.payment.next.month: 1 = defaulted in October 2005. */
  outcome: 0 | 1;
  /** Always 6 entries, oldest (April 2005) first. */
  months: MonthRecord[];
};

/** line is the 1-based line in the file (header = line 1). */
export type ImportIssue = { line: number; column: string; reason: string };

export type ParseResult = { rows: BorrowerRecord[]; issues: ImportIssue[] };
