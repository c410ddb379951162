import { Card } from "@/components/card";
import { Table, TableShell, Td, Th, RowTh } from "@/components/table";
import { formatInt, formatPct } from "@/lib/format";
import type { OverrideGroup, OverrideReport } from "../schema";

function GroupTable({ title, keyLabel, groups }: { title: string; keyLabel: string; groups: OverrideGroup[] }) {
  return (
    <Card title={title}>
      <TableShell label={title}>
        <Table>
          <thead>
            <tr>
              <Th>{keyLabel}</Th>
              <Th numeric>Manual proposals</Th>
              <Th numeric>Overrides</Th>
              <Th numeric>Override rate</Th>
              <Th numeric>Approved / rejected / pending</Th>
              <Th numeric>Overridden, outcome known</Th>
              <Th numeric>Defaulted (Oct 2005)</Th>
            </tr>
          </thead>
          <tbody>
            {groups.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-sm text-slate-600">
                  No manual proposals yet.
                </td>
              </tr>
            ) : (
              groups.map((g) => (
                <tr key={g.key}>
                  <RowTh>{g.key}</RowTh>
                  <Td numeric>{formatInt(g.proposals)}</Td>
                  <Td numeric>{formatInt(g.overrides)}</Td>
                  <Td numeric>{formatPct(g.overrideRate)}</Td>
                  <Td numeric>
                    {formatInt(g.approved)} / {formatInt(g.rejected)} / {formatInt(g.pending)}
                  </Td>
                  <Td numeric>{formatInt(g.outcomesKnown)}</Td>
                  <Td numeric>{g.badRate == null ? "—" : `${formatInt(g.defaulted)} (${formatPct(g.badRate)})`}</Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </TableShell>
    </Card>
  );
}

/** The override report: who overrides the policy, for which tiers, when, and how those borrowers did. */
export function OverrideReportTables({ report }: { report: OverrideReport }) {
  return (
    <div className="space-y-6">
      <GroupTable title="By proposer" keyLabel="Proposer" groups={report.byProposer} />
      <GroupTable title="By tier at proposal" keyLabel="Tier" groups={report.byTier} />
      <GroupTable title="By month of proposal" keyLabel="Month" groups={report.byMonth} />
      <Card title="Rules overridden">
        {report.byRule.length === 0 ? (
          <p className="text-sm text-slate-600">No override yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {report.byRule.map((r) => (
              <li key={r.rule}>
                <span className="font-mono text-xs">{r.rule}</span>: {formatInt(r.overrides)}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
