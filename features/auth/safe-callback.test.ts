import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeRedirect } from "./safe-callback";

const BASE = "http://desk.test";

describe("post-login destinations", () => {
  it("sends every trick of the probe home", () => {
    for (const v of ["/\t/evil.example", "/\r/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "/\\/evil", "http://evil.example", "javascript:alert(1)", "/login?callbackUrl=/x", "/api/v1/tokens", " /x", "", null, 42]) {
      expect(safeCallbackUrl(v), JSON.stringify(v)).toBe("/");
    }
  });

  it("keeps ordinary same-origin paths and encodes non-ASCII", () => {
    expect(safeCallbackUrl("/borrowers?tier=HIGH&page=2")).toBe("/borrowers?tier=HIGH&page=2");
    expect(safeCallbackUrl("/borrowers/42#history")).toBe("/borrowers/42#history");
    expect(safeCallbackUrl("/bórrowers")).toBe("/b%C3%B3rrowers");
  });

  it("only ever yields a printable same-origin path, for any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `/${s}`), fc.string({ unit: "binary" }).map((s) => `/${s}`)), (value) => {
        const out = safeCallbackUrl(value);
        expect(out).toMatch(/^\/[\x21-\x7e]*$/);
        expect(out.startsWith("//")).toBe(false);
        expect(new URL(out, BASE).origin).toBe(BASE);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps next-auth's redirects on our origin", () => {
    expect(safeRedirect("http://evil.example/", BASE)).toBe(BASE);
    expect(safeRedirect(`${BASE}/\t/evil.example`, BASE)).toBe(`${BASE}/`);
    expect(safeRedirect("/inbox", BASE)).toBe(`${BASE}/inbox`);
    expect(safeRedirect(`${BASE}/policies?x=1`, BASE)).toBe(`${BASE}/policies?x=1`);
  });
});
