/**
 * The preview's in-memory columns, kept up to date by portfolio version: a cold load once, then
 * before every use only the state rows changed since the version the columns reflect (cost
 * proportional to the changes). Pure: the SQL lives in features/policy/data.ts (the source), so
 * two caches on one database behave like two app instances.
 */
import { ageBand, allocateColumns, type PortfolioColumns } from "./columns";

export type ColumnRow = { id: number; score: number; pd: number; limit: number; balance: number; msd: number; month: string };
export type ColdRow = ColumnRow & { outcome: number; sex: number; age: number };
export type ColumnsSource = {
  /** Every state row in ascending score order, and the portfolio version of that one snapshot. */
  load(): Promise<{ version: number; rows: ColdRow[] }>;
  /** The rows with version > `version`, and the current version, from ONE snapshot. */
  changesSince(version: number): Promise<{ version: number; rows: ColumnRow[] }>;
};
export type RefreshStats = { kind: "cold" | "delta"; rows: number; version: number; ms: number };

export class PortfolioColumnsCache {
  private columns: PortfolioColumns | null = null;
  private version = -1;
  private indexById: Int32Array | Map<number, number> = new Map();
  private queued: Promise<PortfolioColumns> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  /** What the last refresh did (tests and the benchmark read it). */
  last: RefreshStats | null = null;

  constructor(private readonly source: ColumnsSource) {}

  /**
   * Columns as of a database snapshot taken AFTER this call: refreshes run one at a time, and a
   * caller joins only a refresh that has not started yet, so it never gets an older snapshot.
   */
  get(): Promise<PortfolioColumns> {
    if (!this.queued) {
      const run = this.tail.then(() => {
        this.queued = null;
        return this.refresh();
      });
      this.queued = run;
      this.tail = run.catch(() => undefined);
    }
    return this.queued;
  }

  get portfolioVersion() {
    return this.version;
  }

  private async refresh(): Promise<PortfolioColumns> {
    const started = performance.now();
    if (this.columns) {
      const { version, rows } = await this.source.changesSince(this.version);
      // A borrower the columns do not hold, or a new month (ingestion), needs a full reload for now.
      if (rows.every((r) => this.indexOf(r.id) >= 0 && r.month === this.columns!.month)) {
        this.apply(this.columns, rows);
        this.version = version;
        this.last = { kind: "delta", rows: rows.length, version, ms: performance.now() - started };
        return this.columns;
      }
    }
    const { version, rows } = await this.source.load();
    this.columns = this.build(rows);
    this.version = version;
    this.last = { kind: "cold", rows: rows.length, version, ms: performance.now() - started };
    return this.columns;
  }

  private indexOf(id: number): number {
    const ix = this.indexById;
    return ix instanceof Map ? (ix.get(id) ?? -1) : id >= 0 && id < ix.length ? ix[id] : -1;
  }

  private apply(c: PortfolioColumns, rows: ColumnRow[]) {
    for (const r of rows) {
      const i = this.indexOf(r.id);
      c.score[i] = r.score;
      c.pd[i] = r.pd;
      c.limit[i] = r.limit;
      c.balance[i] = Math.max(r.balance, 0);
      c.monthsSinceDelay[i] = r.msd;
    }
  }

  private build(rows: ColdRow[]): PortfolioColumns {
    const c = allocateColumns(rows.length, rows[0]?.month ?? "");
    let maxId = 0;
    for (const r of rows) if (r.id > maxId) maxId = r.id;
    // Dense ids (the data set's and the scale seed's) index a typed array: 4 bytes per id, no Map.
    const dense = maxId < 4 * rows.length + 1024;
    const index = dense ? new Int32Array(maxId + 1).fill(-1) : new Map<number, number>();
    rows.forEach((r, i) => {
      c.id[i] = r.id;
      if (index instanceof Map) index.set(r.id, i);
      else index[r.id] = i;
      c.outcome[i] = r.outcome === 1 ? 1 : 0;
      c.sex[i] = r.sex;
      c.ageBand[i] = ageBand(r.age);
    });
    this.indexById = index;
    this.apply(c, rows);
    return c;
  }
}
