import Link from "next/link";
import type { ImportView } from "@/features/imports/schema";
import { Table, TableShell, Td, Th } from "@/components/table";

/** The latest imports, newest first. */
export function ImportsTable({ items }: { items: ImportView[] }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">No files imported yet.</p>;
  return (
    <TableShell label="Latest imports">
      <Table>
        <thead>
          <tr><Th>Received</Th><Th>Kind</Th><Th>Month</Th><Th>Status</Th><Th numeric>Rows</Th><Th numeric>Revision</Th><Th>Source</Th><Th numeric>Bad rows</Th></tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <Td><Link className="text-blue-800 underline" href={`/imports?id=${i.id}`}>{i.createdAt.slice(0, 16).replace("T", " ")}</Link></Td>
              <Td>{i.kind.toLowerCase()}</Td>
              <Td>{i.month ?? "–"}</Td>
              <Td>{i.status}</Td>
              <Td numeric>{i.rows.toLocaleString("en-US")}</Td>
              <Td numeric>{i.revision}</Td>
              <Td>{i.source}{i.fileName ? ` (${i.fileName})` : ""}</Td>
              <Td numeric>{i.errorCount.toLocaleString("en-US")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableShell>
  );
}
