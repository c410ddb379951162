import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthsSinceDelay, statusesForDelay, type PortfolioColumns } from "./columns";
import { PortfolioColumnsCache, type ColumnRow, type ColumnsSource } from "./columns-cache";
import { applyStaticChunks, chunksFromRows, columnsFromChunks, indexColumns } from "./column-chunks";
import { previewPolicy } from "./preview";
import { chunkRanges, columnsForSnapshot, decodeChunk, encodeChunk, SNAPSHOT_FORMAT, type SnapshotHeader } from "./columns-snapshot";
import { DEFAULT_POLICY } from "@/features/policy/defaults";

type ColdRow = ColumnRow & { outcome: number; sex: number; age: number };

/** An in-memory "database": rows stamped with the version of their last change, and a snapshot store. */
function fakeSource(initial: ColdRow[]) {
  let version = 1, stamp = 0;
  const rows = new Map(initial.map((r) => [r.id, { ...r, v: 1 }]));
  const reads = { cold: 0, delta: 0, snapshot: 0, saved: 0 };
  // Stored as bytes through the real format (columns-snapshot.ts), as the database keeps them.
  let stored: { version: number; stamp: number; header: SnapshotHeader; chunks: Array<[number, Buffer]> } | null = null;
  let duringSave: () => Promise<unknown> | void = () => undefined;
  const source: ColumnsSource = {
    load: async () => {
      reads.cold++;
      const all = [...rows.values()];
      // Two chunks, as the database sends them: ids in any order, sorted by score on arrival.
      const chunks = [chunksFromRows(all.slice(0, 1)), chunksFromRows(all.slice(1))];
      const columns = columnsFromChunks(chunks.map((c) => c.state), "2005-09");
      const index = indexColumns(columns);
      applyStaticChunks(columns, index, chunks.map((c) => c.statics).reverse());
      return { version, stamp, columns, index };
    },
    changesSince: async (since) => {
      reads.delta++;
      // The snapshot is taken now; the answer arrives a little later (a query in flight).
      const answer = { version, stamp, rows: [...rows.values()].filter((r) => r.v > since) as ColumnRow[] };
      await new Promise((resolve) => setTimeout(resolve, 5));
      return answer;
    },
    snapshot: {
      read: async () => {
        if (!stored) return null;
        reads.snapshot++;
        const columns = columnsForSnapshot(stored.header);
        for (const [from, data] of stored.chunks) decodeChunk(columns, from, data);
        return { version: stored.version, stamp: stored.stamp, columns };
      },
      save: async (columns, v, st, unchanged) => {
        const chunks: Array<[number, Buffer]> = [];
        for (const [from, to] of chunkRanges(columns.n)) {
          chunks.push([from, encodeChunk(columns, from, to)]);
          await duringSave();
        }
        if (!unchanged()) return false;
        reads.saved++;
        stored = { version: v, stamp: st, header: { version: v, outcomesStamp: st, month: columns.month, n: columns.n, format: SNAPSHOT_FORMAT }, chunks };
        return true;
      },
    },
  };
  const change = (id: number, patch: Partial<ColdRow>) => {
    version++;
    rows.set(id, { ...(rows.get(id) ?? ({ id, score: 600, pd: 0.1, limit: 0, balance: 0, msd: 255, month: "2005-09", outcome: 0, sex: 1, age: 30 } as ColdRow)), ...patch, v: version });
  };
  const newOutcomes = () => void stamp++;
  const onSave = (f: () => Promise<unknown> | void) => void (duringSave = f);
  return { source, change, reads, newOutcomes, onSave };
}

const row = (id: number, score: number, limit: number): ColdRow => ({ id, score, pd: 0.1, limit, balance: 1000, msd: 255, month: "2005-09", outcome: 0, sex: 1, age: 30 });
const DIFFERENT = { outcome: 1, sex: 2, age: 50 }; // borrower 2: checks the static columns land on the right borrower

describe("PortfolioColumnsCache", () => {
  it("loads once, then applies only the rows changed since its version", async () => {
    const db = fakeSource([row(1, 700, 10_000), { ...row(2, 500, 20_000), ...DIFFERENT }, row(3, 600, 30_000)]);
    const cache = new PortfolioColumnsCache(db.source);
    const cols = await cache.get();
    expect([...cols.id]).toEqual([2, 3, 1]); // ascending score
    expect([...cols.limit]).toEqual([20_000, 30_000, 10_000]);
    expect([...cols.outcome, ...cols.sex, ...cols.ageBand]).toEqual([1, 0, 0, 2, 1, 1, 3, 1, 1]);
    db.change(3, { limit: 50_000 });
    expect(await cache.get()).toBe(cols);
    expect(cols.limit[cols.id.indexOf(3)]).toBe(50_000);
    expect(cache.last).toMatchObject({ kind: "delta", rows: 1, version: 2 });
    expect(await cache.get()).toBe(cols);
    expect(cache.last).toMatchObject({ kind: "delta", rows: 0 });
    expect(db.reads.cold).toBe(1);
  });

  it("a preview after a delta sees the new values (the cached before-figures follow the revision)", async () => {
    const db = fakeSource([row(1, 700, 10_000), row(2, 500, 20_000), row(3, 600, 30_000)]);
    const cache = new PortfolioColumnsCache(db.source);
    const before = previewPolicy(await cache.get(), DEFAULT_POLICY, DEFAULT_POLICY);
    expect(before.exposure.before).toBe(60_000);
    db.change(2, { limit: 45_000, score: 720 });
    const after = previewPolicy(await cache.get(), DEFAULT_POLICY, DEFAULT_POLICY);
    expect(after.exposure.before).toBe(85_000);
    expect(after.tiers.before).toEqual({ LOW: 2, MEDIUM: 1, HIGH: 0 });
  });

  it("reloads in full when a borrower it does not hold appears", async () => {
    const db = fakeSource([row(1, 700, 10_000)]);
    const cache = new PortfolioColumnsCache(db.source);
    await cache.get();
    db.change(9, { limit: 5_000 });
    const cols = await cache.get();
    expect(cols.n).toBe(2);
    expect(cache.last?.kind).toBe("cold");
  });

  it("starts a new refresh for a caller that arrives while one is running (never an older snapshot)", async () => {
    const db = fakeSource([row(1, 700, 10_000)]);
    const cache = new PortfolioColumnsCache(db.source);
    await cache.get();
    const first = cache.get();
    await new Promise((resolve) => setTimeout(resolve, 1)); // the first refresh has read its snapshot
    db.change(1, { limit: 11_000 });
    const second = cache.get();
    expect(second).not.toBe(first);
    expect((await first).limit[0]).toBe(10_000);
    expect((await second).limit[0]).toBe(11_000);
  });
});

describe("PortfolioColumnsCache with a stored snapshot", () => {
  const portfolio = () => [row(1, 700, 10_000), { ...row(2, 500, 20_000), ...DIFFERENT }, row(3, 600, 30_000)];
  const sameColumns = (a: PortfolioColumns, b: PortfolioColumns) =>
    expect([a.id, a.score, a.pd, a.limit, a.balance, a.monthsSinceDelay, a.outcome, a.sex, a.ageBand].map((x) => [...x])).toEqual(
      [b.id, b.score, b.pd, b.limit, b.balance, b.monthsSinceDelay, b.outcome, b.sex, b.ageBand].map((x) => [...x]));

  it("stores one after a full load; a second process reads it and catches up instead of a full load", async () => {
    const db = fakeSource(portfolio());
    const first = new PortfolioColumnsCache(db.source);
    await first.get();
    expect(await first.saved).toBe(true);
    db.change(3, { limit: 50_000, score: 720 });
    const second = new PortfolioColumnsCache(db.source);
    const cols = await second.get();
    expect(second.last).toMatchObject({ kind: "snapshot", rows: 1, version: 2 });
    expect(db.reads).toMatchObject({ cold: 1, snapshot: 1 });
    sameColumns(cols, await first.get());
    expect(previewPolicy(cols, DEFAULT_POLICY, DEFAULT_POLICY)).toEqual(previewPolicy(await new PortfolioColumnsCache({ ...db.source, snapshot: undefined }).get(), DEFAULT_POLICY, DEFAULT_POLICY));
  });

  it("loads in full when outcomes arrived after the snapshot (the stamp moved), and stores a new one", async () => {
    const db = fakeSource(portfolio());
    const warm = new PortfolioColumnsCache(db.source);
    await warm.get();
    expect(await warm.saved).toBe(true);
    db.newOutcomes();
    const cold = new PortfolioColumnsCache(db.source);
    await cold.get();
    expect(cold.last?.kind).toBe("cold");
    expect(await cold.saved).toBe(true);
    await warm.get(); // a warm cache reloads too: its outcome column is older than the file
    expect(warm.last?.kind).toBe("cold");
  });

  it("gives up a save when the columns change meanwhile (never a mix of two versions)", async () => {
    const db = fakeSource(portfolio());
    const cache = new PortfolioColumnsCache(db.source);
    let changedOnce = false;
    db.onSave(async () => {
      if (changedOnce) return;
      changedOnce = true;
      db.change(1, { limit: 12_000 });
      await cache.get(); // a preview meanwhile applies the change in place
    });
    await cache.get();
    expect(await cache.saved).toBe(false);
    expect(db.reads.saved).toBe(0);
  });
});

describe("statusesForDelay", () => {
  it("answers every 'delayed within k months' question as the real history does", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 8 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (statuses, k) => {
        const synthetic = statusesForDelay(monthsSinceDelay(statuses));
        const within = (s: number[]) => s.slice(-k).some((x) => x >= 1);
        expect(within(synthetic)).toBe(within(statuses));
      }),
    );
  });
});
