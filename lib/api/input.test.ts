import { describe, expect, it } from "vitest";
import { INT32_MAX, entityId, int32, isStorableText, queryInt32, safeText } from "./input";

describe("shared input bounds (issue 9 §7)", () => {
  it("int32 refuses 2^31 and accepts 2^31 - 1", () => {
    expect(int32().safeParse(2 ** 31).success).toBe(false);
    expect(int32().safeParse(INT32_MAX).success).toBe(true);
    expect(queryInt32().safeParse("2147483648").success).toBe(false);
    expect(queryInt32().safeParse("1e400").success).toBe(false);
  });
  it("safeText refuses NUL bytes and lone surrogates, keeps paired ones", () => {
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("x\uD800")).toBe(false);
    expect(isStorableText("\uDC00x")).toBe(false);
    expect(isStorableText("emoji 😀 ok")).toBe(true);
    expect(safeText().trim().min(3).safeParse("  ab\u0000c ").success).toBe(false);
    expect(safeText().trim().min(3).safeParse("  abc ").data).toBe("abc");
    expect(entityId().safeParse("\uD83D").success).toBe(false);
  });
});
