import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { formatInt, formatMonth, formatPct } from "@/lib/format";
import type { MonthSummary } from "../data";

/** Borrowers per tier, one row per scored month. */
export function TierMixByMonth({ months }: { months: MonthSummary[] }) {
  return (
    <TableShell label="Tier mix by month">
      <Table>
        <thead>
          <tr>
            <Th>Month</Th>
            <Th numeric>Low</Th>
            <Th numeric>Medium</Th>
            <Th numeric>High</Th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <RowTh className="font-normal">{formatMonth(m.month)}</RowTh>
              <Td numeric>{formatInt(m.tiers.LOW)}</Td>
              <Td numeric>{formatInt(m.tiers.MEDIUM)}</Td>
              <Td numeric>{formatInt(m.tiers.HIGH)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableShell>
  );
}

/** Bad rate per 50-point band (rows) and scored month (columns); "crosses" marks a broken rank order. */
export function BadRateByMonth({ months }: { months: MonthSummary[] }) {
  const lowers = [...new Set(months.flatMap((m) => m.badRateByBand.map((b) => b.lower)))].sort((a, b) => a - b);
  return (
    <div className="space-y-2">
      <TableShell label="Bad rate by band and month">
        <Table>
          <thead>
            <tr>
              <Th>Scores</Th>
              {months.map((m) => (
                <Th key={m.month} numeric>
                  {formatMonth(m.month)}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lowers.map((lower) => (
              <tr key={lower}>
                <RowTh className="font-normal">
                  {lower}–{lower + 49}
                </RowTh>
                {months.map((m) => {
                  const b = m.badRateByBand.find((x) => x.lower === lower);
                  return (
                    <Td key={m.month} numeric className={b?.crosses ? "font-medium text-red-800" : undefined}>
                      {b ? `${formatPct(b.badRate)}${b.crosses ? " (crosses)" : ""}` : "—"}
                    </Td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </TableShell>
      <p className="text-xs text-slate-600">
        The data hold one outcome (default in October 2005): it is {months.map((m) => `${m.outcome?.horizonMonths ?? "?"} month(s) after ${formatMonth(m.month)}`).join(", ")}.
        Only September&apos;s is the 1-month outcome the model predicts.
      </p>
    </div>
  );
}
