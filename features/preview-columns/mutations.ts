import "server-only";
import { getDb } from "@/lib/db/client";
import type { PortfolioColumns } from "@/features/policy/preview/columns";
import { chunkRanges, encodeChunk, SNAPSHOT_FORMAT } from "@/features/policy/preview/columns-snapshot";

/** Held by the one process storing a snapshot; another process that finds it taken skips its save. */
const LOCK_SQL = `SELECT pg_try_advisory_xact_lock(hashtext('limitdesk.preview-columns-snapshot')) AS locked`;

/**
 * Replaces the stored snapshot of the preview's columns with these (as of `version` and `stamp`),
 * in one transaction. Gives up, storing nothing, when a snapshot at least as new is stored, another
 * process is storing one, or `unchanged()` turns false (the columns changed while being stored).
 */
export async function saveColumnsSnapshot(columns: PortfolioColumns, version: number, stamp: number, unchanged: () => boolean): Promise<boolean> {
  const client = await (await getDb()).pool.connect();
  let open = false;
  try {
    await client.query("BEGIN");
    open = true;
    if (!(await client.query<{ locked: boolean }>(LOCK_SQL)).rows[0].locked) return false;
    const { rows: [stored] } = await client.query<{ version: number | null; stamp: number | null }>(
      `SELECT max("version")::float8 AS version, max("outcomesStamp") AS stamp FROM "PreviewColumnsSnapshot"`);
    if (stored.version != null && stored.version >= version && (stored.stamp ?? 0) >= stamp) return false;
    await client.query(`DELETE FROM "PreviewColumnsSnapshot"`);
    for (const [k, [from, to]] of chunkRanges(columns.n).entries()) {
      if (!unchanged()) return false;
      // A Buffer parameter goes to PostgreSQL as binary bytea (no hex text).
      await client.query(`INSERT INTO "PreviewColumnsSnapshot" ("chunk", "from", "version", "outcomesStamp", "month", "n", "format", "data")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [k, from, version, stamp, columns.month, columns.n, SNAPSHOT_FORMAT, encodeChunk(columns, from, to)]);
    }
    if (!unchanged()) return false;
    await client.query("COMMIT");
    open = false;
    return true;
  } finally {
    if (open) await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}
