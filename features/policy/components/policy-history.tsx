import { Table, TableShell, Td, Th } from "@/components/table";
import { ownValue } from "@/lib/closed-list";
import { FIELD_LABEL } from "./policy-fields";
import { formatDateTime, formatValue } from "./policy-display";

export type HistoryEvent = { seq: number; at: string; action: string; actorEmail: string | null; after: unknown };

const ACTION_LABEL: Record<string, string> = {
  "policy.created": "Created",
  "policy.updated": "Edited",
  "policy.submitted": "Submitted",
  "policy.approved": "Approved",
  "policy.rejected": "Rejected",
  "policy.activated": "Activated",
  "policy.retired": "Retired",
};

type After = { comment?: string | null; changes?: Array<{ field: string; from: unknown; to: unknown }>; basedOnId?: string | null; name?: string; retiered?: number };

function details(action: string, after: unknown, versionOf: (id: string) => string | null): string {
  const a = (after && typeof after === "object" ? after : {}) as After;
  switch (action) {
    case "policy.created":
      return a.basedOnId ? `Copied from ${versionOf(a.basedOnId) ?? "another version"}` : "New draft";
    case "policy.updated":
      if (!a.changes?.length) return a.name ? `Saved (name: ${a.name})` : "Saved without changes";
      return a.changes.map((c) => `${ownValue(FIELD_LABEL, c.field) ?? c.field}: ${formatValue(c.from)} → ${formatValue(c.to)}`).join("; ");
    case "policy.approved":
    case "policy.rejected":
      return a.comment ? `“${a.comment}”` : "No comment";
    case "policy.activated":
      return typeof a.retiered === "number" ? `Latest month re-tiered (${a.retiered.toLocaleString("en-US")} scores)` : "";
    default:
      return "";
  }
}

/** The audit events of one version, oldest first: who did what and when. */
export function PolicyHistory({ events, versionOf }: { events: HistoryEvent[]; versionOf: Record<string, number> }) {
  if (!events.length) return <p className="text-sm text-slate-600">No recorded events.</p>;
  const lookup = (id: string) => (versionOf[id] ? `v${versionOf[id]}` : null);
  return (
    <TableShell label="Version history">
      <Table>
        <caption className="sr-only">Audit events of this version, oldest first</caption>
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Event</Th>
            <Th>By</Th>
            <Th>Details</Th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq} data-action={e.action}>
              <Td>{formatDateTime(e.at)}</Td>
              <Td className="font-medium">{ownValue(ACTION_LABEL, e.action) ?? e.action}</Td>
              <Td>{e.actorEmail ?? "—"}</Td>
              <Td className="min-w-64 whitespace-normal text-slate-700">{details(e.action, e.after, lookup)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableShell>
  );
}
