import { describe, expect, it } from "vitest";
import { borrowerLine, copyText, scoreLine, statementLines } from "./copy-text";

describe("COPY text lines", () => {
  it("escapes backslashes, tabs and newlines", () => {
    expect(copyText('a\\b\tc\nd\re "q"')).toBe('a\\\\b\\tc\\nd\\re "q"');
  });
  it("writes one line per borrower, per statement month (balance = max(bill, 0)) and per score", () => {
    const b = { id: 100_000_001, limit: 50_000, sex: 2, education: 1, marriage: 1, age: 30, outcome: 1 as const, months: [
      { month: "2005-08", bill: -120, payment: 0, status: -1 }, { month: "2005-09", bill: 900, payment: 900, status: 0 },
    ] };
    expect(borrowerLine(b)).toBe("100000001\t2\t1\t1\t30\t1\n");
    expect(statementLines(b)).toBe("100000001\t2005-08\t50000\t-120\t0\t0\t-1\n100000001\t2005-09\t50000\t900\t900\t900\t0\n");
    const line = scoreLine({ borrowerId: 1, month: "2005-09", score: 700, pd: 0.2, tier: "LOW", previousTier: null, tierChange: 0, limit: 50_000, balance: 900, utilization: 0.018, modelVersion: "v1", reasonCodes: [["RC01", 3], ["RC12", 2, "o"]] });
    expect(line).toBe('1\t2005-09\t700\t0.2\tLOW\t\\N\t0\t50000\t900\t0.018\tv1\t[["RC01",3],["RC12",2,"o"]]\n');
  });
});
