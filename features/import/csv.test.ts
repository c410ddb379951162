import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { defaultCsvPath, loadUciCsv, parseUciCsv } from "./csv";
import { REQUIRED_COLUMNS } from "./columns";

const HEADER = REQUIRED_COLUMNS.map((c) => `"${c}"`).join(",");
// ID,LIMIT,SEX,EDU,MAR,AGE,PAY_0,PAY_2..6,BILL1..6,PAYAMT1..6,default
const ROW1 = "1,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1";
const ROW2 = "2,5e+05,1,0,0,40,0,0,0,0,0,0,-165,100,200,300,400,500,1,2,3,4,5,6,0";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n";

describe("parseUciCsv", () => {
  it("handles the quoted header, exponent numbers, negative bills and undocumented codes", () => {
    const { rows, issues } = parseUciCsv(
      csv(ROW1, ROW2, "3,50000,2,5,3,30,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", "4,50000,2,6,0,30,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"),
    );
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(4);
    expect(rows[1].limit).toBe(500000);
    expect(rows[1].education).toBe(0);
    expect(rows[1].marriage).toBe(0);
    expect(rows[2].education).toBe(5);
    expect(rows[3].education).toBe(6);
    // September (source index 1) is the newest month, stored last.
    expect(rows[1].months.at(-1)).toEqual({ month: "2005-09", bill: -165, payment: 1, status: 0 });
    expect(rows[1].months[0]).toEqual({ month: "2005-04", bill: 500, payment: 6, status: 0 });
    expect(rows[0].months.map((m) => m.status)).toEqual([-2, -2, -1, -1, 2, 2]);
    expect(rows[0].outcome).toBe(1);
  });

  it("reports every bad cell with line, column and reason", () => {
    const bad1 = "2,0,3,2,1,17,0,0,0,0,0,10,1.5,0,0,0,0,0,-1,0,0,0,0,0,2";
    const bad2 = "abc,1000,1,2,1,30,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,";
    const { rows, issues } = parseUciCsv(csv(ROW1, bad1, bad2));
    expect(rows).toEqual([]); // any issue -> nothing imported
    const at = (line: number, column: string) => issues.find((i) => i.line === line && i.column === column);
    expect(at(3, "LIMIT_BAL")?.reason).toMatch(/greater than 0/);
    expect(at(3, "SEX")?.reason).toMatch(/one of 1, 2/);
    expect(at(3, "AGE")?.reason).toMatch(/between 18 and 120/);
    expect(at(3, "PAY_6")?.reason).toMatch(/between -2 and 9/);
    expect(at(3, "BILL_AMT1")?.reason).toMatch(/whole number/);
    expect(at(3, "PAY_AMT1")?.reason).toMatch(/negative/);
    expect(at(3, "default.payment.next.month")?.reason).toMatch(/one of 0, 1/);
    expect(at(4, "ID")?.reason).toMatch(/not a number/);
    expect(at(4, "default.payment.next.month")?.reason).toMatch(/not a number/);
    expect(issues).toHaveLength(9);
  });

  it("reports a wrong field count", () => {
    const { issues } = parseUciCsv(csv(ROW1, "5,1000,1"));
    expect(issues).toEqual([{ line: 3, column: "*", reason: "expected 25 fields, found 3" }]);
  });

  it("reports missing columns on line 1 and still checks the other cells", () => {
    const header = REQUIRED_COLUMNS.filter((c) => c !== "AGE" && c !== "PAY_AMT6");
    const row = "1,20000,2,2,1,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,7";
    const { rows, issues } = parseUciCsv([header.join(","), row].join("\n"));
    expect(rows).toEqual([]);
    expect(issues).toContainEqual({ line: 1, column: "AGE", reason: "required column is missing" });
    expect(issues).toContainEqual({ line: 1, column: "PAY_AMT6", reason: "required column is missing" });
    expect(issues.find((i) => i.line === 2)?.column).toBe("default.payment.next.month");
  });

  it("reports a duplicate ID naming the first line", () => {
    const { issues } = parseUciCsv(csv(ROW1, ROW2, ROW1.replace(/^1,/, "2,")));
    expect(issues).toEqual([{ line: 4, column: "ID", reason: "duplicate ID 2 (first seen on line 3)" }]);
  });

  it("reports an empty file", () => {
    expect(parseUciCsv("").issues).toEqual([{ line: 1, column: "*", reason: "file is empty" }]);
  });
});

describe("loadUciCsv", () => {
  it("names the path and the override variable when the file is missing", () => {
    const p = path.join("/nonexistent", "nope.csv");
    expect(() => loadUciCsv(p)).toThrow(/\/nonexistent\/nope\.csv.*LIMITDESK_DATA_CSV/);
  });

  it("defaults to data/UCI_Credit_Card.csv under the working directory unless overridden", () => {
    const old = process.env.LIMITDESK_DATA_CSV;
    try {
      delete process.env.LIMITDESK_DATA_CSV;
      expect(defaultCsvPath()).toBe(path.resolve(process.cwd(), "data/UCI_Credit_Card.csv"));
      process.env.LIMITDESK_DATA_CSV = "/tmp/x.csv";
      expect(defaultCsvPath()).toBe("/tmp/x.csv");
    } finally {
      if (old === undefined) delete process.env.LIMITDESK_DATA_CSV;
      else process.env.LIMITDESK_DATA_CSV = old;
    }
  });

  const real = path.resolve(import.meta.dirname, "../../data/UCI_Credit_Card.csv");
  it.runIf(existsSync(real))("parses the real file to the published reference figures", () => {
    const { rows, issues } = loadUciCsv(real);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(30000);
    expect(rows.filter((r) => r.outcome === 1)).toHaveLength(6636);
    const mean = rows.reduce((s, r) => s + r.limit, 0) / rows.length;
    expect(mean.toFixed(2)).toBe("167484.32");
    expect(new Set(rows.map((r) => r.id)).size).toBe(30000);
    expect(rows.some((r) => r.months.some((m) => m.bill < 0))).toBe(true);
  });
});
