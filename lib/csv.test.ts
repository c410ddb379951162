import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { csvCell, csvLine, toCsv } from "./csv";

describe("the shared CSV writer (issue 9 §9)", () => {
  it("escapes every text cell that a spreadsheet would run as a formula", () => {
    for (const bad of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) {
      expect(csvCell(bad), JSON.stringify(bad)).toBe(`'${bad}`);
    }
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a=b")).toBe("a=b");
  });
  it("keeps numbers as numbers (negative amounts too) and writes objects as JSON", () => {
    expect(csvCell(-30000)).toBe(-30000);
    expect(csvCell(null)).toBe("");
    expect(csvCell({ a: "=1" })).toBe('{"a":"=1"}');
    expect(csvCell(["=x"])).toBe('["=x"]');
    expect(csvCell(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01T00:00:00.000Z");
  });
  it("round-trips through a CSV parser with the escape in place", () => {
    const csv = toCsv([{ a: "=cmd|' /C calc'!A0", b: -5, c: "x,\"y\"" }], ["a", "b", "c"]);
    expect(parse(csv, { columns: true })).toEqual([{ a: "'=cmd|' /C calc'!A0", b: "-5", c: "x,\"y\"" }]);
  });
});

describe("the CSV records", () => {
  it("are what csv-stringify writes, for any cells (quotes, commas, CR/LF, unicode, numbers, booleans)", () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\r", "\n", " ", "=", "'", "\t", "€") }),
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 5 }), (rows) => {
        for (const row of rows) expect(csvLine(row)).toBe(stringify([row]));
      }),
      { numRuns: 500 },
    );
  });
  it("toCsv writes the header, then one record per row, every cell through csvCell", () => {
    const rows = [{ a: "=x", b: null, c: 1.5 }, { a: "p,q", b: true, c: -0 }];
    expect(toCsv(rows, ["a", "b", "c"])).toBe(stringify(rows.map((r) => ["a", "b", "c"].map((k) => csvCell((r as Record<string, unknown>)[k]))), { header: true, columns: ["a", "b", "c"] }));
  });
});
