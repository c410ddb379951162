import type { ImportView } from "@/features/imports/schema";
import { Table, TableShell, Td, Th } from "@/components/table";

/** Every bad row of a refused file (the first 1,000 are stored; the count is exact). */
export function ImportErrors({ imp }: { imp: ImportView }) {
  if (imp.errorCount === 0) return null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-red-900">
        {imp.errorCount.toLocaleString("en-US")} bad row(s): nothing was imported.
        {imp.errorsTruncated ? ` The first ${imp.errors.length.toLocaleString("en-US")} are listed.` : ""}
      </p>
      <TableShell label="Bad rows" className="max-h-96">
        <Table>
          <thead>
            <tr><Th numeric>Line</Th><Th>Column</Th><Th>Problem</Th></tr>
          </thead>
          <tbody>
            {imp.errors.map((e, i) => (
              <tr key={i}><Td numeric>{e.line}</Td><Td>{e.column}</Td><Td>{e.message}</Td></tr>
            ))}
          </tbody>
        </Table>
      </TableShell>
    </div>
  );
}
