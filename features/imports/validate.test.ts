import { describe, expect, it } from "vitest";
import { validateFile, toCsv } from "./validate";
import { MAX_STORED_ERRORS, nextMonth } from "./formats";
import { monthsBack } from "./month-monitoring";

const statements = (rows: string[]) => Buffer.from(["borrower_id,month,limit,bill,payment,repayment_status", ...rows].join("\n") + "\n");

describe("data file validation", () => {
  it("reads a statements file into columns", async () => {
    const f = await validateFile(statements(["1,2005-10,20000,3913,0,-1", "2,2005-10,120000,-500,1000,2"]));
    expect([f.kind, f.month, f.rows, f.errorCount]).toEqual(["STATEMENTS", "2005-10", 2, 0]);
    expect(f.columns).toEqual({ borrower_id: [1, 2], limit: [20000, 120000], bill: [3913, -500], payment: [0, 1000], repayment_status: [-1, 2], line: [2, 3] });
  });

  it("lists every bad cell with its line and column, and returns no rows", async () => {
    const f = await validateFile(statements(["1,2005-10,0,1.5,-1,10", "1,2005-11,20000,0,0,0", "x,2005-10,1,1,1", "3,2005-10,1000,1,1,-3"]));
    expect(f.columns.borrower_id).toEqual([]);
    expect(f.errors).toEqual([
      { line: 2, column: "limit", message: "must be greater than 0 (got 0)" },
      { line: 2, column: "bill", message: 'must be a whole number (got "1.5")' },
      { line: 2, column: "payment", message: "must be 0 or more (got -1)" },
      { line: 2, column: "repayment_status", message: "must be between -2 and 9 (got 10)" },
      { line: 3, column: "borrower_id", message: "duplicate borrower_id 1 (first on line 2)" },
      { line: 3, column: "month", message: "every row must be for 2005-10 (one month per file), got 2005-11" },
      { line: 4, column: "*", message: "expected 6 fields, found 5" },
      { line: 5, column: "repayment_status", message: "must be between -2 and 9 (got -3)" },
    ]);
    expect([f.rows, f.errorCount]).toEqual([4, 8]);
  });

  it("recognises the borrowers and outcomes files, refuses an unknown header and an empty file", async () => {
    expect((await validateFile("borrower_id,sex,education,marriage,age\n7,2,1,1,35\n")).kind).toBe("BORROWERS");
    const o = await validateFile("borrower_id,month,defaulted\n7,2005-10,2\n");
    expect([o.kind, o.errors]).toEqual(["OUTCOMES", [{ line: 2, column: "defaulted", message: "must be 0 or 1 (got 2)" }]]);
    expect((await validateFile("id,foo\n1,2\n")).errors[0]).toMatchObject({ line: 1, column: "*" });
    expect((await validateFile("")).errors).toEqual([{ line: 1, column: "*", message: "the file is empty" }]);
    expect((await validateFile("borrower_id,month,defaulted\n")).errors).toEqual([{ line: 2, column: "*", message: "the file has a header but no rows" }]);
  });

  it("counts every bad row but stores at most MAX_STORED_ERRORS", async () => {
    const rows = Array.from({ length: MAX_STORED_ERRORS + 5 }, (_, i) => `${i + 1},2005-10,1000,0,0,42`);
    const f = await validateFile(statements(rows));
    expect([f.errorCount, f.errors.length]).toEqual([MAX_STORED_ERRORS + 5, MAX_STORED_ERRORS]);
  });

  it("writes files it reads back; month arithmetic", async () => {
    const text = toCsv("OUTCOMES", [[1, "2005-10", 0], [2, "2005-10", 1]]);
    expect((await validateFile(text)).columns.defaulted).toEqual([0, 1]);
    expect([nextMonth("2005-12"), monthsBack("2005-09", 6), monthsBack("2006-01", 1)]).toEqual(["2006-01", "2005-03", "2005-12"]);
  });
});
