import { Badge } from "@/components/badge";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { formatMonth, formatNtd } from "@/lib/format";
import { repaymentStatusClass, repaymentStatusText } from "../repayment-status";
import type { BorrowerDetail } from "../schema";

export function RepaymentTable({ history }: { history: BorrowerDetail["history"] }) {
  return (
    <TableShell label="Repayment status table">
      <Table>
        <caption className="sr-only">Repayment status, bill and payment by month</caption>
        <thead>
          <tr>
            <Th>Month</Th>
            <Th>Repayment status</Th>
            <Th numeric>Bill (NT$)</Th>
            <Th numeric>Payment (NT$)</Th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.month}>
              <RowTh>{formatMonth(h.month)}</RowTh>
              <Td>
                <Badge className={repaymentStatusClass(h.repaymentStatus)}>{repaymentStatusText(h.repaymentStatus)}</Badge>
              </Td>
              <Td numeric>{formatNtd(h.bill)}</Td>
              <Td numeric>{formatNtd(h.payment)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableShell>
  );
}
