import { stringify } from "csv-stringify/sync";

/** CSV with a header row; objects and arrays in cells are written as JSON. */
export function toCsv(rows: object[], columns: readonly string[]): string {
  const cell = (v: unknown) => (v == null ? "" : typeof v === "object" ? JSON.stringify(v) : v);
  return stringify(
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, cell((r as Record<string, unknown>)[c])]))),
    { header: true, columns: [...columns] },
  );
}

export function csvResponse(body: string, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
