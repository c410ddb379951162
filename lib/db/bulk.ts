// Bulk insert for the seed: one statement per chunk that expands a JSON array into rows
// (jsonb_to_recordset). Measured ~6x faster than Prisma createMany, and it passes
// a single text parameter, which every driver adapter handles the same way.
import type { Prisma } from "@/generated/prisma/client";

/** Column name → PostgreSQL type. Names come from code, never from input. */
export type Columns = Record<string, string>;

export async function bulkInsert(
  tx: Prisma.TransactionClient,
  table: string,
  columns: Columns,
  rows: object[],
  onChunk?: (done: number, total: number) => void,
  chunkSize = 10_000,
) {
  const names = Object.keys(columns).map((c) => `"${c}"`).join(", ");
  const record = Object.entries(columns).map(([c, t]) => `"${c}" ${t}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${record})`;
  for (let i = 0; i < rows.length; i += chunkSize) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + chunkSize)));
    onChunk?.(Math.min(i + chunkSize, rows.length), rows.length);
  }
}
