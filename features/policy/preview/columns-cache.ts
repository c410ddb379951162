/**
 * The preview's in-memory columns, kept up to date by portfolio version: a cold load once, then
 * before every use only the state rows changed since the version the columns reflect (cost
 * proportional to the changes). Pure: the SQL lives in features/policy/data.ts (the source), so
 * two caches on one database behave like two app instances.
 */
import { markChanged, type PortfolioColumns } from "./columns";
import { indexColumns, positionOf, type IdIndex } from "./column-chunks";

export type ColumnRow = { id: number; score: number; pd: number; limit: number; balance: number; msd: number; month: string };
export type ColumnsSource = {
  /**
   * Every borrower's columns (ascending score order) and a portfolio version v such that every
   * change stamped <= v is in them. Rows may be newer than v (a chunked load spans snapshots):
   * the next delta re-applies them, and values are absolute, so that is harmless.
   */
  load(): Promise<{ version: number; columns: PortfolioColumns; index?: IdIndex }>;
  /** The rows with version > `version`, and the current version, from ONE snapshot. */
  changesSince(version: number): Promise<{ version: number; rows: ColumnRow[] }>;
};
export type RefreshStats = { kind: "cold" | "delta"; rows: number; version: number; ms: number };

export class PortfolioColumnsCache {
  private columns: PortfolioColumns | null = null;
  private version = -1;
  private indexById: IdIndex = new Map();
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
    const { version, columns, index } = await this.source.load();
    this.indexById = index ?? indexColumns(columns);
    this.columns = columns;
    this.version = version;
    this.last = { kind: "cold", rows: columns.n, version, ms: performance.now() - started };
    return columns;
  }

  private indexOf(id: number): number {
    return positionOf(this.indexById, id);
  }

  private apply(c: PortfolioColumns, rows: ColumnRow[]) {
    if (rows.length) c.revision++; // the preview's cached "before" figures are stale now
    for (const r of rows) {
      const i = this.indexOf(r.id);
      markChanged(c, i);
      c.score[i] = r.score;
      c.pd[i] = r.pd;
      c.limit[i] = r.limit;
      c.balance[i] = Math.max(r.balance, 0);
      c.monthsSinceDelay[i] = r.msd;
    }
  }
}
