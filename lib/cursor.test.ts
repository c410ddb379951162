import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";

const schema = z.strictObject({ seq: z.number().int().min(1) });

describe("opaque cursors", () => {
  it("round-trips what it encoded", () => {
    expect(decodeCursor(schema, encodeCursor({ seq: 42 }))).toEqual({ seq: 42 });
  });
  it("refuses anything it did not make", () => {
    const good = encodeCursor({ seq: 42 });
    for (const bad of [`${good}x`, `${good}==`, good.slice(0, -1), "", "a b", encodeCursor({ seq: 0 }), encodeCursor({ seq: 1, extra: 1 }), encodeCursor("42"), Buffer.from("{not json").toString("base64url"), "x".repeat(2001)]) {
      expect(decodeCursor(schema, bad), bad).toBeNull();
    }
  });
});
