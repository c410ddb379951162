/**
 * The preview's columns as stored bytes, so a cold process reads them back instead of asking
 * PostgreSQL to produce every borrower's row again (≈ 3–4 s per million rows, the cold load's cost).
 * A snapshot is cut into chunks of consecutive positions; each chunk holds, one after another,
 * the slices of every array in ARRAYS order, in this machine's byte order (the format number says
 * which: a snapshot written elsewhere is ignored, not misread). Pure: the rows live in
 * features/preview-columns.
 */
import { allocateColumns, type PortfolioColumns } from "./columns";

/** Bumped whenever the layout below changes: older snapshots are then ignored. */
const LAYOUT = 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export const SNAPSHOT_FORMAT = LITTLE_ENDIAN ? LAYOUT : -LAYOUT;
/** Positions per chunk: 26 bytes each, so ≈ 6.8 MB per stored row; 39 rows at 10 M. */
export const SNAPSHOT_CHUNK = 262_144;

const ARRAYS = ["id", "score", "pd", "limit", "balance", "monthsSinceDelay", "outcome", "sex", "ageBand"] as const;
type ArrayName = (typeof ARRAYS)[number];
const probe = allocateColumns(1, "");
const BYTES_PER_BORROWER = ARRAYS.reduce((s, a) => s + probe[a].BYTES_PER_ELEMENT, 0);

/** What a stored snapshot says about itself (one value per chunk row, equal in every row). */
export type SnapshotHeader = { version: number; outcomesStamp: number; month: string; n: number; format: number };

const bytesOf = (c: PortfolioColumns, a: ArrayName, from: number, to: number) => {
  const arr = c[a];
  return new Uint8Array(arr.buffer, arr.byteOffset + from * arr.BYTES_PER_ELEMENT, (to - from) * arr.BYTES_PER_ELEMENT);
};

/** The chunk of positions [from, to) as one byte string (a copy: the columns may change afterwards). */
export function encodeChunk(c: PortfolioColumns, from: number, to: number): Buffer {
  const out = Buffer.allocUnsafe((to - from) * BYTES_PER_BORROWER);
  let at = 0;
  for (const a of ARRAYS) {
    const bytes = bytesOf(c, a, from, to);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/** Empty columns for a stored snapshot's borrowers, to be filled by decodeChunk. */
export function columnsForSnapshot(h: SnapshotHeader): PortfolioColumns {
  return allocateColumns(h.n, h.month);
}

/** Copies one stored chunk (positions from `from`) into the columns; throws on a chunk of the wrong size. */
export function decodeChunk(c: PortfolioColumns, from: number, data: Uint8Array) {
  const count = data.length / BYTES_PER_BORROWER;
  if (!Number.isInteger(count) || from < 0 || from + count > c.n) throw new Error(`Preview snapshot: a chunk of ${data.length} bytes at ${from} does not fit ${c.n} borrowers.`);
  let at = 0;
  for (const a of ARRAYS) {
    const target = bytesOf(c, a, from, from + count);
    target.set(data.subarray(at, at + target.length));
    at += target.length;
  }
}

/** The chunk boundaries for n borrowers: [from, to) pairs in position order. */
export function chunkRanges(n: number): Array<[number, number]> {
  return Array.from({ length: Math.ceil(n / SNAPSHOT_CHUNK) }, (_, k) => [k * SNAPSHOT_CHUNK, Math.min(n, (k + 1) * SNAPSHOT_CHUNK)]);
}

/** One stored chunk row's header. */
export type StoredChunk = SnapshotHeader & { chunk: number; from: number };

/**
 * The header of a complete, readable snapshot, or null: every chunk present in order with the same
 * header, this machine's format, and no newer than the database (a version counter behind the
 * snapshot means the rows are not this portfolio's: ignore them).
 */
export function usableSnapshot(rows: readonly StoredChunk[], currentVersion: number): SnapshotHeader | null {
  if (!rows.length) return null;
  const { version, outcomesStamp, month, n, format } = rows[0];
  const ranges = chunkRanges(n);
  if (format !== SNAPSHOT_FORMAT || version > currentVersion || rows.length !== ranges.length) return null;
  const consistent = rows.every((r, k) =>
    r.chunk === k && r.from === ranges[k][0] && r.version === version && r.outcomesStamp === outcomesStamp && r.month === month && r.n === n && r.format === format);
  return consistent ? { version, outcomesStamp, month, n, format } : null;
}
