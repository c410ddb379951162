import "server-only";
import { to as copyTo } from "pg-copy-streams";
import { getDb } from "@/lib/db/client";
import type { Loaded } from "@/features/policy/preview/columns-cache";
import { onlyValueOfCopy } from "@/features/policy/preview/copy-binary";
import { columnsForSnapshot, decodeChunk, usableSnapshot, type StoredChunk } from "@/features/policy/preview/columns-snapshot";

/**
 * Outcomes files imported so far: each one rewrites Borrower.outcome, which the state's versions do
 * not show, so the preview's columns (and a stored snapshot) taken before it are reloaded. Only
 * statements are ever SUPERSEDED, and a superseded import still counts, so the count only grows.
 */
export const OUTCOMES_STAMP_SQL = `(SELECT count(*)::int FROM "DataImport" WHERE "kind" = 'OUTCOMES' AND "status" IN ('SUCCEEDED', 'SUPERSEDED'))`;

const HEADERS_SQL = `SELECT "chunk", "from", "version"::float8 AS version, "outcomesStamp", "month", "n", "format",
  coalesce((SELECT "version" FROM "PortfolioVersion" WHERE "id" = 1), 0)::float8 AS current
  FROM "PreviewColumnsSnapshot" ORDER BY "chunk"`;

/** The stored snapshot of the preview's columns, or null when there is none usable. One database snapshot. */
export async function readColumnsSnapshot(): Promise<Loaded | null> {
  const client = await (await getDb()).pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<StoredChunk & { current: number }>(HEADERS_SQL);
    const header = usableSnapshot(rows, rows[0]?.current ?? 0);
    if (!header) return null;
    const columns = columnsForSnapshot(header);
    // One chunk per binary COPY (raw bytes, no hex text): memory holds one chunk's copy at a time.
    for (const r of rows) {
      const pieces: Buffer[] = [];
      // `chunk` is an integer read just above: COPY takes no parameters.
      for await (const piece of client.query(copyTo(`COPY (SELECT "data" FROM "PreviewColumnsSnapshot" WHERE "chunk" = ${Number(r.chunk)}) TO STDOUT (FORMAT binary)`))) pieces.push(piece as Buffer);
      decodeChunk(columns, r.from, onlyValueOfCopy(Buffer.concat(pieces)));
    }
    return { version: header.version, stamp: header.outcomesStamp, columns };
  } finally {
    await client.query("COMMIT").then(() => client.release(), (e: Error) => client.release(e));
  }
}
