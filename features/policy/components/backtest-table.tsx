import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import type { PolicyPreview } from "@/features/policy/preview/types";
import { formatInt, formatNtd, formatPct } from "@/lib/format";

/** What this version would have done to borrowers whose October 2005 outcome is known, and the limit changes. */
export function BacktestTable({ preview }: { preview: PolicyPreview }) {
  const { backtest: b, changes: c } = preview;
  return (
    <div className="grid gap-4 2xl:grid-cols-2">
      <TableShell label="Backtest on observed defaults">
        <Table>
          <caption className="sr-only">Backtest on observed defaults</caption>
          <thead>
            <tr>
              <Th>Backtest (observed outcome)</Th>
              <Th numeric>Borrowers</Th>
              <Th numeric>Share</Th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <RowTh>Defaulters in high risk after</RowTh>
              <Td numeric>{formatInt(b.defaultersInHighAfter)}</Td>
              <Td numeric>{formatPct(b.defaultersInHighAfterShare)} of {formatInt(b.defaulters)}</Td>
            </tr>
            <tr>
              <RowTh>Good borrowers cut</RowTh>
              <Td numeric>{formatInt(b.goodBorrowersCut)}</Td>
              <Td numeric>{formatPct(b.goodBorrowersCutShare)} of {formatInt(b.nonDefaulters)}</Td>
            </tr>
            <tr>
              <RowTh>Defaulters given an increase</RowTh>
              <Td numeric>{formatInt(b.defaultersIncreased)}</Td>
              <Td numeric>{formatPct(b.defaultersIncreasedShare)} of {formatInt(b.defaulters)}</Td>
            </tr>
          </tbody>
        </Table>
      </TableShell>
      <TableShell label="Limit changes">
        <Table>
          <caption className="sr-only">Limit changes</caption>
          <thead>
            <tr>
              <Th>Limit changes</Th>
              <Th numeric>Borrowers</Th>
              <Th numeric>Amount</Th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <RowTh>Increases</RowTh>
              <Td numeric>{formatInt(c.increase.count)}</Td>
              <Td numeric>+{formatNtd(c.increase.amount)}</Td>
            </tr>
            <tr>
              <RowTh>Decreases</RowTh>
              <Td numeric>{formatInt(c.decrease.count)}</Td>
              <Td numeric>−{formatNtd(c.decrease.amount)}</Td>
            </tr>
            <tr>
              <RowTh>Unchanged</RowTh>
              <Td numeric>{formatInt(c.unchanged.count)}</Td>
              <Td numeric>—</Td>
            </tr>
            <tr>
              <RowTh className="whitespace-normal">
                Utilisation shock
                <span className="block text-xs font-normal text-slate-600">Cut borrowers with balance over 90% of the new limit</span>
              </RowTh>
              <Td numeric>{formatInt(preview.utilizationShock.count)}</Td>
              <Td numeric>—</Td>
            </tr>
            {preview.availableCredit ? (
              <>
                <tr>
                  <RowTh className="whitespace-normal">
                    Available credit, total
                    <span className="block text-xs font-normal text-slate-600">
                      Limit − balance: now {formatNtd(preview.availableCredit.before)} → after
                    </span>
                  </RowTh>
                  <Td numeric>—</Td>
                  <Td numeric>{formatNtd(preview.availableCredit.after)}</Td>
                </tr>
                <tr>
                  <RowTh className="whitespace-normal">
                    Left with no credit
                    <span className="block text-xs font-normal text-slate-600">Borrowers whose available credit falls to zero</span>
                  </RowTh>
                  <Td numeric>{formatInt(preview.availableCredit.fallsToZero)}</Td>
                  <Td numeric>—</Td>
                </tr>
              </>
            ) : null}
          </tbody>
        </Table>
      </TableShell>
    </div>
  );
}
