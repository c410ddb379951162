// PostgreSQL COPY text-format lines for the scale portfolio's three tables (tab-separated, \N = NULL).
import type { BorrowerRecord } from "@/features/import/types";
import { balanceOf, type ScoreRow } from "@/features/borrowers/score-rows";

export const BORROWER_COPY = `COPY "Borrower" ("id", "sex", "education", "marriage", "age", "outcome") FROM STDIN`;
export const STATEMENT_COPY = `COPY "Statement" ("borrowerId", "month", "limit", "bill", "balance", "payment", "repaymentStatus") FROM STDIN`;
export const SCORE_COPY =
  `COPY "Score" ("borrowerId", "month", "score", "pd", "tier", "previousTier", "tierChange", "limit", "balance", "utilization", "modelVersion", "reasonCodes") FROM STDIN`;

/** Escapes a text value for COPY text format (backslash, tab, newline, carriage return). */
export function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

export function borrowerLine(b: BorrowerRecord): string {
  return `${b.id}\t${b.sex}\t${b.education}\t${b.marriage}\t${b.age}\t${b.outcome}\n`;
}

/** Every month's statement; the limit is the borrower's current one, as in the real seed. */
export function statementLines(b: BorrowerRecord): string {
  let out = "";
  for (const m of b.months) out += `${b.id}\t${m.month}\t${b.limit}\t${m.bill}\t${balanceOf(m.bill)}\t${m.payment}\t${m.status}\n`;
  return out;
}

// The stored reason tuples hold only codes and integers (features/scoring/reason-store.ts), so
// their JSON needs no escaping and stringifying them is cheap even at 10 M borrowers.
export function scoreLine(s: ScoreRow): string {
  return `${s.borrowerId}\t${s.month}\t${s.score}\t${s.pd}\t${s.tier}\t${s.previousTier ?? "\\N"}\t${s.tierChange}\t${s.limit}\t${s.balance}\t${s.utilization}\t${copyText(s.modelVersion)}\t${copyText(JSON.stringify(s.reasonCodes))}\n`;
}
