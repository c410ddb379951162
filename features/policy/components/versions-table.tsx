import Link from "next/link";
import { Table, TableShell, Td, Th } from "@/components/table";
import { cn } from "@/components/cn";
import type { PolicyView } from "@/features/policy/schema";
import { formatDateTime, StatusBadge } from "./policy-display";

/** Every version, newest first; the ACTIVE one stands out, the selected one is marked as current. */
export function VersionsTable({ policies, selectedId }: { policies: PolicyView[]; selectedId: string | null }) {
  return (
    <TableShell label="Policy versions">
      <Table>
        <caption className="sr-only">Policy versions, newest first. Select a version to view it.</caption>
        <thead>
          <tr>
            <Th>Version</Th>
            <Th>Name</Th>
            <Th>Status</Th>
            <Th>Author</Th>
            <Th>Created</Th>
            <Th>Submitted</Th>
            <Th>Decided</Th>
            <Th>Activated</Th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => {
            const selected = p.id === selectedId;
            const active = p.status === "ACTIVE";
            return (
              <tr
                key={p.id}
                className={cn(selected ? "bg-blue-50" : active ? "bg-green-50/60" : "hover:bg-slate-50")}
                data-status={p.status}
              >
                <Td className={cn("border-l-4", active ? "border-l-green-700" : selected ? "border-l-blue-700" : "border-l-transparent")}>
                  <Link
                    href={`/policies?id=${encodeURIComponent(p.id)}`}
                    aria-current={selected ? "page" : undefined}
                    className="font-semibold text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
                  >
                    v{p.version}
                    <span className="sr-only">: {p.name}</span>
                  </Link>
                  {selected ? <span className="ml-2 text-xs text-slate-600">(viewing)</span> : null}
                </Td>
                <Td className="max-w-72 truncate whitespace-nowrap" title={p.name}>
                  {p.name}
                </Td>
                <Td>
                  <StatusBadge status={p.status} />
                  {active ? <span className="ml-1.5 text-xs font-medium text-green-800">in force</span> : null}
                </Td>
                <Td>{p.authorEmail ?? "—"}</Td>
                <Td>{formatDateTime(p.createdAt)}</Td>
                <Td>{formatDateTime(p.submittedAt)}</Td>
                <Td>
                  {p.decidedAt ? (
                    <>
                      {formatDateTime(p.decidedAt)}
                      <span className="block text-xs text-slate-600">by {p.decidedByEmail ?? "—"}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td>{formatDateTime(p.activatedAt)}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </TableShell>
  );
}
