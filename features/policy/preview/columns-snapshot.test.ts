import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateColumns, type PortfolioColumns } from "./columns";
import { chunkRanges, columnsForSnapshot, decodeChunk, encodeChunk, SNAPSHOT_CHUNK, SNAPSHOT_FORMAT, usableSnapshot, type StoredChunk } from "./columns-snapshot";

const ARRAYS = ["id", "score", "pd", "limit", "balance", "monthsSinceDelay", "outcome", "sex", "ageBand"] as const;
const valuesOf = (c: PortfolioColumns) => ARRAYS.map((a) => [...c[a]]);

describe("the preview columns' stored format", () => {
  it("reads back every value of every array, chunk by chunk", () => {
    const borrower = fc.record({
      id: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), score: fc.integer({ min: 350, max: 950 }), pd: fc.double({ noNaN: true }),
      limit: fc.integer({ min: 0, max: 2_000_000_000 }), balance: fc.integer({ min: 0, max: 2_000_000_000 }), msd: fc.integer({ min: 0, max: 255 }),
      outcome: fc.integer({ min: 0, max: 1 }), sex: fc.integer({ min: 1, max: 2 }), band: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(fc.property(fc.array(borrower, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (rows, chunk) => {
      const c = allocateColumns(rows.length, "2005-09");
      rows.forEach((r, i) => {
        [c.id[i], c.score[i], c.pd[i], c.limit[i], c.balance[i]] = [r.id, r.score, r.pd, r.limit, r.balance];
        [c.monthsSinceDelay[i], c.outcome[i], c.sex[i], c.ageBand[i]] = [r.msd, r.outcome, r.sex, r.band];
      });
      const back = columnsForSnapshot({ version: 1, outcomesStamp: 0, month: "2005-09", n: c.n, format: SNAPSHOT_FORMAT });
      for (let from = 0; from < c.n; from += chunk) decodeChunk(back, from, encodeChunk(c, from, Math.min(c.n, from + chunk)));
      expect(valuesOf(back)).toEqual(valuesOf(c));
    }));
  });

  it("refuses a chunk that does not fit", () => {
    const c = allocateColumns(3, "2005-09");
    expect(() => decodeChunk(c, 2, encodeChunk(c, 0, 2))).toThrow(/does not fit 3 borrowers/);
    expect(() => decodeChunk(c, 0, new Uint8Array(27))).toThrow(/27 bytes/);
  });

  it("uses a snapshot only when it is complete, consistent, this machine's format and not newer than the database", () => {
    const n = 2 * SNAPSHOT_CHUNK + 5;
    const header = { version: 7, outcomesStamp: 1, month: "2005-09", n, format: SNAPSHOT_FORMAT };
    const rows: StoredChunk[] = chunkRanges(n).map(([from], chunk) => ({ ...header, chunk, from }));
    expect(rows.map((r) => r.from)).toEqual([0, SNAPSHOT_CHUNK, 2 * SNAPSHOT_CHUNK]);
    expect(usableSnapshot(rows, 7)).toEqual(header);
    expect(usableSnapshot(rows, 9)).toEqual(header);
    expect(usableSnapshot(rows, 6)).toBeNull(); // the counter is behind: not this portfolio's rows
    expect(usableSnapshot(rows.slice(0, 2), 7)).toBeNull();
    expect(usableSnapshot([rows[0], rows[2], rows[1]], 7)).toBeNull();
    expect(usableSnapshot(rows.map((r, k) => (k === 1 ? { ...r, version: 8 } : r)), 9)).toBeNull();
    expect(usableSnapshot(rows.map((r) => ({ ...r, format: -r.format })), 7)).toBeNull();
    expect(usableSnapshot([], 7)).toBeNull();
  });
});
