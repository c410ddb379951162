/**
 * A streaming decoder of PostgreSQL's binary COPY format (`COPY (…) TO STDOUT (FORMAT binary)`)
 * for rows of fixed-width, NOT NULL fields: each field goes straight into a preallocated typed
 * array, so a cold load of 10 M borrowers makes no per-row JS objects and no text to parse.
 * Format: an 11-byte signature, int32 flags, int32 extension length (+ extension); per row an int16
 * field count, then per field an int32 byte length and the big-endian value; an int16 -1 trailer.
 * The stream arrives in arbitrary pieces: an incomplete row waits for the next piece.
 */
export type FieldKind = "int2" | "int4" | "float8";
type Target = Int16Array | Int32Array | Uint8Array | Float64Array;
export type CopyField = { kind: FieldKind; out: Target };

const WIDTH: Record<FieldKind, number> = { int2: 2, int4: 4, float8: 8 };
export const COPY_SIGNATURE = Uint8Array.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]); // "PGCOPY\n\377\r\n\0"

export class CopyBinaryDecoder {
  /** Rows decoded so far (entry k of every target belongs to row k). */
  rows = 0;
  private pending: Uint8Array = new Uint8Array(0);
  private headerDone = false;
  private ended = false;
  private readonly rowBytes: number;

  constructor(private readonly fields: readonly CopyField[]) {
    this.rowBytes = 2 + fields.reduce((s, f) => s + 4 + WIDTH[f.kind], 0);
  }

  push(piece: Uint8Array) {
    if (!piece.length) return;
    if (this.ended) throw new Error("COPY data after the trailer.");
    let buf = piece;
    if (this.pending.length) {
      buf = new Uint8Array(this.pending.length + piece.length);
      buf.set(this.pending);
      buf.set(piece, this.pending.length);
    }
    const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let pos = 0;
    if (!this.headerDone) {
      if (buf.length < 19) return void (this.pending = buf.slice());
      for (let k = 0; k < COPY_SIGNATURE.length; k++) if (buf[k] !== COPY_SIGNATURE[k]) throw new Error("Not a binary COPY stream.");
      const ext = v.getInt32(15);
      if (buf.length < 19 + ext) return void (this.pending = buf.slice());
      pos = 19 + ext;
      this.headerDone = true;
    }
    const { fields, rowBytes } = this;
    const capacity = fields.length ? fields[0].out.length : 0;
    while (pos + 2 <= buf.length) {
      const count = v.getInt16(pos);
      if (count === -1) {
        this.ended = true;
        pos += 2;
        break;
      }
      if (count !== fields.length) throw new Error(`COPY row with ${count} fields; expected ${fields.length}.`);
      if (pos + rowBytes > buf.length) break;
      if (this.rows >= capacity) throw new Error(`COPY sent more than the ${capacity} rows expected.`);
      pos += 2;
      for (const f of fields) {
        const len = v.getInt32(pos);
        if (len !== WIDTH[f.kind]) throw new Error(`COPY field of ${len} bytes where a NOT NULL ${f.kind} was expected.`);
        pos += 4;
        f.out[this.rows] = f.kind === "int4" ? v.getInt32(pos) : f.kind === "int2" ? v.getInt16(pos) : v.getFloat64(pos);
        pos += len;
      }
      this.rows++;
    }
    this.pending = buf.slice(pos);
  }

  /** Throws unless the whole stream (trailer included) was decoded. */
  finish(): number {
    if (!this.ended || this.pending.length) throw new Error("The COPY stream ended early or with bytes after the trailer.");
    return this.rows;
  }
}

/** The encoder, for tests: rows of numbers → one binary COPY stream. */
export function encodeCopyBinary(kinds: readonly FieldKind[], rows: readonly number[][]): Uint8Array {
  const rowBytes = 2 + kinds.reduce((s, k) => s + 4 + WIDTH[k], 0);
  const out = new Uint8Array(19 + rows.length * rowBytes + 2);
  const v = new DataView(out.buffer);
  out.set(COPY_SIGNATURE);
  let pos = 19;
  for (const r of rows) {
    v.setInt16(pos, kinds.length);
    pos += 2;
    kinds.forEach((k, c) => {
      v.setInt32(pos, WIDTH[k]);
      pos += 4;
      if (k === "int2") v.setInt16(pos, r[c]);
      else if (k === "int4") v.setInt32(pos, r[c]);
      else v.setFloat64(pos, r[c]);
      pos += WIDTH[k];
    });
  }
  v.setInt16(pos, -1);
  return out;
}

/**
 * The one value of a binary COPY of one row and one NOT NULL column (a bytea comes out as its raw
 * bytes: no hex text, and no dependence on how a driver types binary results).
 */
export function onlyValueOfCopy(buf: Uint8Array): Uint8Array {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const bad = (why: string) => new Error(`Not a binary COPY of one value: ${why}.`);
  if (buf.length < 19 || COPY_SIGNATURE.some((b, k) => buf[k] !== b)) throw bad("no signature");
  const at = 19 + v.getInt32(15);
  if (at + 6 > buf.length || v.getInt16(at) !== 1) throw bad("not one field in one row");
  const len = v.getInt32(at + 2);
  const end = at + 6 + len;
  if (len < 0 || end + 2 !== buf.length || v.getInt16(end) !== -1) throw bad("not exactly one row, or a NULL");
  return buf.subarray(at + 6, end);
}
