import { describe, expect, it } from "vitest";
import { compareFigures } from "./compare";

describe("compareFigures", () => {
  it("wants whole numbers equal and other numbers within relative 1e-9", () => {
    expect(compareFigures({ a: 1, b: 1e12 + 0.5 }, { a: 1, b: 1e12 + 0.5 + 1e-4 })).toEqual([]);
    expect(compareFigures({ a: 1 }, { a: 2 })).toEqual(["a: 1 vs 2"]);
    expect(compareFigures({ x: [0.5] }, { x: [0.5 + 1e-6] })).toHaveLength(1);
  });
  it("checks only the expected keys in subset mode, every key otherwise", () => {
    expect(compareFigures({ a: 1 }, { a: 1, b: 2 }, { subset: true })).toEqual([]);
    expect(compareFigures({ a: 1 }, { a: 1, b: 2 })).toEqual(["b: missing on one side"]);
    expect(compareFigures({ s: "x", f: true }, { s: "y", f: true })).toEqual(['s: "x" vs "y"']);
  });
});
