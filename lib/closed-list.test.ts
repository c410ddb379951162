import { describe, expect, it } from "vitest";
import { isOwnKey, ownValue } from "./closed-list";

describe("closed-list lookups (issue 9 §6)", () => {
  const table = { RC01: "Latest payment was late" };
  it("finds own keys only: Object.prototype names are not members", () => {
    expect(ownValue(table, "RC01")).toBe("Latest payment was late");
    for (const k of ["__proto__", "toString", "hasOwnProperty", "valueOf", "constructor"]) {
      expect(ownValue(table, k), k).toBeUndefined();
      expect(isOwnKey(table, k), k).toBe(false);
    }
    expect(ownValue(table, 1)).toBeUndefined();
  });
});
