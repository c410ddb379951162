/**
 * Cold load without per-row objects: the database streams each chunk of borrowers as binary COPY
 * (copy-binary.ts) straight into the chunk's typed arrays, and this turns the chunks into preview
 * columns in ascending score order (a counting sort, O(n)). Entry k of each array of one chunk is
 * the same borrower; no order is needed from the database. The static attributes (outcome, sex,
 * age) come in separate chunks keyed by id (no join on the database side: measured ~2x cheaper at
 * 1 M) and are placed through the id index.
 */
import { ageBand, allocateColumns, type PortfolioColumns } from "./columns";
import type { CopyField } from "./copy-binary";

/** One id range of BorrowerState; arrays hold `capacity` entries, the first n are filled. */
export type StateChunk = { n: number; id: Int32Array; limit: Int32Array; balance: Int32Array; score: Int16Array; msd: Uint8Array; pd: Float64Array };
/** One id range of Borrower's static columns. */
export type StaticChunk = { n: number; id: Int32Array; outcome: Int16Array; sex: Uint8Array; age: Int16Array };

export function allocateStateChunk(capacity: number): StateChunk {
  const [id, limit, balance] = [0, 0, 0].map(() => new Int32Array(capacity));
  return { n: 0, id, limit, balance, score: new Int16Array(capacity), msd: new Uint8Array(capacity), pd: new Float64Array(capacity) };
}
export function allocateStaticChunk(capacity: number): StaticChunk {
  return { n: 0, id: new Int32Array(capacity), outcome: new Int16Array(capacity), sex: new Uint8Array(capacity), age: new Int16Array(capacity) };
}
/** The COPY fields, in the order of the SELECT lists in data.ts (STATE_COPY_SQL, STATIC_COPY_SQL). */
export const stateFields = (c: StateChunk): CopyField[] => [
  { kind: "int4", out: c.id }, { kind: "int4", out: c.limit }, { kind: "int4", out: c.balance },
  { kind: "int2", out: c.score }, { kind: "int2", out: c.msd }, { kind: "float8", out: c.pd },
];
export const staticFields = (c: StaticChunk): CopyField[] => [
  { kind: "int4", out: c.id }, { kind: "int2", out: c.outcome }, { kind: "int2", out: c.sex }, { kind: "int2", out: c.age },
];

export function columnsFromChunks(chunks: readonly StateChunk[], month: string): PortfolioColumns {
  const n = chunks.reduce((s, c) => s + c.n, 0);
  // Pass 1: score histogram (scores are 350..950; the range is taken from the data to be safe).
  let min = 0x7fff, max = -0x8000;
  for (const c of chunks) {
    for (let k = 0; k < c.n; k++) {
      const s = c.score[k];
      if (s < min) min = s;
      if (s > max) max = s;
    }
  }
  const next = new Int32Array(n ? max - min + 2 : 1);
  for (const c of chunks) for (let k = 0; k < c.n; k++) next[c.score[k] - min + 1]++;
  for (let s = 1; s < next.length; s++) next[s] += next[s - 1];
  // Pass 2: each borrower to its slot; ties keep the chunks' order.
  const out = allocateColumns(n, month);
  for (const c of chunks) {
    for (let k = 0; k < c.n; k++) {
      const s = c.score[k];
      const i = next[s - min]++;
      out.id[i] = c.id[k];
      out.score[i] = s;
      out.pd[i] = c.pd[k];
      out.limit[i] = c.limit[k];
      out.balance[i] = Math.max(c.balance[k], 0);
      out.monthsSinceDelay[i] = c.msd[k];
    }
  }
  return out;
}

/**
 * borrower id → position in the columns (-1 = absent). Ids within a dense range (the real 1–30,000,
 * the scale portfolio's 100,000,001–110,000,000) use a typed array offset by the smallest id: 4 bytes
 * per id. A Map of 10 M entries cost ~1 GB and seconds to build; it is only the fallback for sparse ids.
 */
export type IdIndex = { base: number; slots: Int32Array } | Map<number, number>;

export function indexColumns(c: PortfolioColumns): IdIndex {
  let minId = Infinity, maxId = -Infinity;
  for (let i = 0; i < c.n; i++) {
    if (c.id[i] < minId) minId = c.id[i];
    if (c.id[i] > maxId) maxId = c.id[i];
  }
  if (c.n === 0) return new Map();
  if (maxId - minId >= 4 * c.n + 1024) return new Map(Array.from(c.id, (id, i) => [id, i]));
  const slots = new Int32Array(maxId - minId + 1).fill(-1);
  for (let i = 0; i < c.n; i++) slots[c.id[i] - minId] = i;
  return { base: minId, slots };
}

export function positionOf(index: IdIndex, id: number): number {
  if (index instanceof Map) return index.get(id) ?? -1;
  const k = id - index.base;
  return k >= 0 && k < index.slots.length ? index.slots[k] : -1;
}

/** Places outcome, sex and age band; borrowers the columns do not hold are skipped. Returns how many were placed. */
export function applyStaticChunks(out: PortfolioColumns, index: IdIndex, chunks: readonly StaticChunk[]): number {
  let placed = 0;
  for (const c of chunks) {
    for (let k = 0; k < c.n; k++) {
      const i = positionOf(index, c.id[k]);
      if (i < 0) continue;
      out.outcome[i] = c.outcome[k] === 1 ? 1 : 0;
      out.sex[i] = c.sex[k];
      out.ageBand[i] = ageBand(c.age[k]);
      placed++;
    }
  }
  return placed;
}

type TestRow = { id: number; score: number; pd: number; limit: number; balance: number; msd: number; outcome: number; sex: number; age: number };

/** For tests: rows → one state chunk and one static chunk, as the decoder fills them. */
export function chunksFromRows(rows: readonly TestRow[]): { state: StateChunk; statics: StaticChunk } {
  const state = allocateStateChunk(rows.length), statics = allocateStaticChunk(rows.length);
  rows.forEach((r, k) => {
    [state.id[k], state.limit[k], state.balance[k], state.score[k], state.msd[k], state.pd[k]] = [r.id, r.limit, r.balance, r.score, r.msd, r.pd];
    [statics.id[k], statics.outcome[k], statics.sex[k], statics.age[k]] = [r.id, r.outcome, r.sex, r.age];
  });
  state.n = statics.n = rows.length;
  return { state, statics };
}
