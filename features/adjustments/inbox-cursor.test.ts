import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./inbox-cursor";

describe("inbox cursor", () => {
  it("round-trips numbers, dates as text and null", () => {
    for (const c of [{ v: 12000, id: "a" }, { v: "2026-12-01T10:00:00.000Z", id: "b-1" }, { v: null, id: "c" }, { v: 0.1234, id: "d" }]) {
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }
  });
  it("refuses what it did not make", () => {
    for (const bad of ["", "x", Buffer.from("[1]").toString("base64url"), Buffer.from('[{"a":1},"id"]').toString("base64url"), Buffer.from("[1,2]").toString("base64url")]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
