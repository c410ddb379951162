import { describe, expect, it } from "vitest";
import { COPY_SIGNATURE, CopyBinaryDecoder, encodeCopyBinary, onlyValueOfCopy, type FieldKind } from "./copy-binary";

const KINDS: FieldKind[] = ["int4", "int2", "float8"];
const ROWS = [
  [100_000_001, 950, 0.012345678901234],
  [-2_147_483_648, -32_768, -1e-300],
  [2_147_483_647, 255, 1],
];
const targets = (n: number) => ({ id: new Int32Array(n), score: new Int16Array(n), pd: new Float64Array(n) });
const decoderFor = (t: ReturnType<typeof targets>) =>
  new CopyBinaryDecoder([{ kind: "int4", out: t.id }, { kind: "int2", out: t.score }, { kind: "float8", out: t.pd }]);

describe("binary COPY decoder", () => {
  it("decodes every value exactly, whatever pieces the stream arrives in", () => {
    const bytes = encodeCopyBinary(KINDS, ROWS);
    // Every split into two pieces, and one byte at a time.
    const splits = [...Array.from({ length: bytes.length + 1 }, (_, k) => [bytes.subarray(0, k), bytes.subarray(k)]), Array.from(bytes, (b) => Uint8Array.of(b))];
    for (const pieces of splits) {
      const t = targets(3);
      const d = decoderFor(t);
      for (const p of pieces) d.push(p);
      expect(d.finish()).toBe(3);
      expect([...t.id]).toEqual(ROWS.map((r) => r[0]));
      expect([...t.score]).toEqual(ROWS.map((r) => r[1]));
      expect([...t.pd]).toEqual(ROWS.map((r) => r[2]));
    }
  });
  it("an empty result is zero rows", () => {
    const d = decoderFor(targets(0));
    d.push(encodeCopyBinary(KINDS, []));
    expect(d.finish()).toBe(0);
  });
  it("refuses what it cannot place: more rows than the targets hold, a NULL, the wrong field count, a cut stream, text", () => {
    expect(() => decoderFor(targets(2)).push(encodeCopyBinary(KINDS, ROWS))).toThrow("more than the 2 rows expected");
    const withNull = encodeCopyBinary(KINDS, ROWS.slice(0, 1));
    new DataView(withNull.buffer).setInt32(19 + 2 + 4 + 4, -1); // the int2's length
    expect(() => decoderFor(targets(1)).push(withNull)).toThrow("NOT NULL int2");
    expect(() => decoderFor(targets(3)).push(encodeCopyBinary(["int4", "int2"], [[1, 2]]))).toThrow("2 fields; expected 3");
    const cut = decoderFor(targets(3));
    cut.push(encodeCopyBinary(KINDS, ROWS).subarray(0, 40));
    expect(() => cut.finish()).toThrow("ended early");
    expect(() => decoderFor(targets(1)).push(new TextEncoder().encode("1\t2\t3\n-- padding to 19+ bytes"))).toThrow("Not a binary COPY stream");
  });
});

describe("onlyValueOfCopy", () => {
  const copyOf = (value: Uint8Array, trailer = true) => {
    const out = new Uint8Array(19 + 6 + value.length + (trailer ? 2 : 0));
    const v = new DataView(out.buffer);
    out.set(COPY_SIGNATURE);
    v.setInt16(19, 1);
    v.setInt32(21, value.length);
    out.set(value, 25);
    if (trailer) v.setInt16(25 + value.length, -1);
    return out;
  };
  it("returns the raw bytes of the one value, and refuses anything else", () => {
    const value = Uint8Array.from([0, 255, 1, 0xc3, 0x28, 7]); // not valid UTF-8 on purpose
    expect([...onlyValueOfCopy(copyOf(value))]).toEqual([...value]);
    expect([...onlyValueOfCopy(copyOf(new Uint8Array(0)))]).toEqual([]);
    expect(() => onlyValueOfCopy(copyOf(value, false))).toThrow(/exactly one row/);
    expect(() => onlyValueOfCopy(copyOf(value).subarray(1))).toThrow(/signature/);
    expect(() => onlyValueOfCopy(encodeCopyBinary(["int4"], [[1], [2]]))).toThrow(/exactly one row/);
  });
});
