/**
 * The preview's in-memory columns, kept up to date by portfolio version: a cold load once, then
 * before every use only the state rows changed since the version the columns reflect (cost
 * proportional to the changes). The cold load reads a stored snapshot of the columns when one is
 * usable (then catches up the same way) and stores one after a full load, so only the first process
 * after a new month pays for PostgreSQL producing every borrower's row. Pure: the SQL lives in features/policy/data.ts (the source), so
 * two caches on one database behave like two app instances.
 */
import { markChanged, type PortfolioColumns } from "./columns";
import { indexColumns, positionOf, type IdIndex } from "./column-chunks";

export type ColumnRow = { id: number; score: number; pd: number; limit: number; balance: number; msd: number; month: string };
/**
 * `stamp` changes whenever the static columns of borrowers already held change (an outcomes file
 * rewrites `outcome`): the state rows' versions do not show that, so a new stamp means a full reload.
 */
export type Loaded = { version: number; stamp: number; columns: PortfolioColumns; index?: IdIndex };
export type ColumnsSource = {
  /**
   * Every borrower's columns (ascending score order) and a portfolio version v such that every
   * change stamped <= v is in them. Rows may be newer than v (a chunked load spans snapshots):
   * the next delta re-applies them, and values are absolute, so that is harmless.
   */
  load(): Promise<Loaded>;
  /** The rows with version > `version`, the current version and stamp, from ONE snapshot. */
  changesSince(version: number): Promise<{ version: number; stamp: number; rows: ColumnRow[] }>;
  /**
   * A stored copy of the columns as of some earlier version (cheaper to read than load(); brought
   * up to date by changesSince), and how to store one. `unchanged` is false once the columns
   * passed to save were changed or replaced: the save must then give up (it would store a mix).
   */
  snapshot?: {
    read(): Promise<Loaded | null>;
    save(columns: PortfolioColumns, version: number, stamp: number, unchanged: () => boolean): Promise<boolean>;
  };
};
export type RefreshStats = { kind: "cold" | "snapshot" | "delta"; rows: number; version: number; ms: number };
/** A snapshot this far behind (changed rows / borrowers) is replaced by a fresh one after use. */
const STALE_SHARE = 0.05;

export class PortfolioColumnsCache {
  private columns: PortfolioColumns | null = null;
  private version = -1;
  private stamp = -1;
  private indexById: IdIndex = new Map();
  private queued: Promise<PortfolioColumns> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  /** What the last refresh did (tests and the benchmark read it). */
  last: RefreshStats | null = null;
  /** The latest background save of a snapshot: true once stored (tests await it). */
  saved: Promise<boolean> = Promise.resolve(false);

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
    const done = (kind: RefreshStats["kind"], rows: number) => {
      this.last = { kind, rows, version: this.version, ms: performance.now() - started };
      return this.columns!;
    };
    if (this.columns && (await this.catchUp())) return done("delta", this.changed);
    if (!this.columns) {
      // A bad or unreadable stored copy must not stop the preview: the full load is always there.
      const stored = await this.source.snapshot?.read().catch((err: Error) => void console.warn(`preview snapshot not read: ${err.message}`));
      if (stored) {
        this.adopt(stored);
        if (await this.catchUp()) {
          if (this.changed > STALE_SHARE * this.columns!.n) this.store();
          return done("snapshot", this.changed);
        }
      }
    }
    this.adopt(await this.source.load());
    this.store();
    return done("cold", this.columns!.n);
  }

  /** Rows changed in the last catch-up. */
  private changed = 0;

  /** Applies the changes since the columns' version; false when only a full reload can (new borrowers, month or stamp). */
  private async catchUp(): Promise<boolean> {
    const { version, stamp, rows } = await this.source.changesSince(this.version);
    const c = this.columns!;
    if (stamp !== this.stamp || version < this.version || !rows.every((r) => this.indexOf(r.id) >= 0 && r.month === c.month)) return false;
    this.apply(c, rows);
    this.version = version;
    this.changed = rows.length;
    return true;
  }

  private adopt({ version, stamp, columns, index }: Loaded) {
    this.indexById = index ?? indexColumns(columns);
    this.columns = columns;
    this.version = version;
    this.stamp = stamp;
  }

  /** Stores the current columns in the background; previews go on meanwhile (a change to the columns cancels the save). */
  private store() {
    const snapshot = this.source.snapshot;
    if (!snapshot) return;
    const c = this.columns!, revision = c.revision;
    this.saved = snapshot
      .save(c, this.version, this.stamp, () => this.columns === c && c.revision === revision)
      .catch((err: Error) => (console.warn(`preview snapshot not stored: ${err.message}`), false));
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
