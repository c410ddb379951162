import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import type { ModelCharacteristic } from "@/features/scoring/model-types";
import { formatDecimal, formatInt, formatPct, formatSigned } from "@/lib/format";
import { ivStrength } from "../iv";

/** One characteristic's bins: how many training borrowers fell in each, their bad rate, WoE and points. */
export function PointsTable({ characteristic: c }: { characteristic: ModelCharacteristic }) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">
        IV {c.iv.toFixed(3)} ({ivStrength(c.iv).toLowerCase()}){c.coefficient !== undefined ? ` · coefficient ${c.coefficient.toFixed(3)}` : ` · ${c.shape === "learned" ? "learned shape" : "monotone"}`} · reason when points are lost: “{c.reasonText}”
        {c.positiveText ? <> · positive reason above the average of {c.averagePoints} points: “{c.positiveText}”</> : null}
      </p>
      <TableShell label={`Points for ${c.code}`}>
        <Table>
          <caption className="sr-only">Bins and points of {c.description}</caption>
          <thead>
            <tr>
              <Th>Bin</Th>
              <Th numeric>Borrowers</Th>
              <Th numeric>Bad rate</Th>
              <Th numeric>WoE</Th>
              <Th numeric>Points</Th>
            </tr>
          </thead>
          <tbody>
            {c.bins.map((b) => (
              <tr key={b.label}>
                <RowTh className="font-normal">
                  {b.label}
                  {b.reasonText ? <span className="block text-xs text-slate-600">reason here: “{b.reasonText}”</span> : null}
                </RowTh>
                <Td numeric>{formatInt(b.count)}</Td>
                <Td numeric>{formatPct(b.badRate)}</Td>
                <Td numeric>{formatDecimal(b.woe, 3)}</Td>
                <Td numeric className={b.points < 0 ? "font-medium text-red-800" : "font-medium text-green-800"}>
                  {formatSigned(b.points)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableShell>
    </div>
  );
}
