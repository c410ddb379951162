// One sentence per decision outcome, for the inbox's status line.
import { formatDate, formatNtd } from "@/lib/format";
import type { DecisionResult } from "@/features/adjustments/types";

export function decisionMessage({ adjustment: a, limitChange }: DecisionResult): string {
  const who = `Borrower ${a.borrowerId}`;
  if (a.status === "REJECTED") return `${who}: adjustment rejected; the limit stays ${formatNtd(a.oldLimit)}.`;
  if (a.status === "PENDING") return `${who}: your approval is recorded (${a.approvals} of ${a.requiredApprovals}); a second approver must decide.`;
  const change = `${formatNtd(a.oldLimit)} → ${formatNtd(a.newLimit)}`;
  if (limitChange?.status === "SCHEDULED") {
    return `${who}: approved. The limit change ${change} is scheduled for ${formatDate(limitChange.effectiveDate)}; the borrower gets a notice.`;
  }
  return `${who}: approved. The limit is now ${formatNtd(a.newLimit)} (was ${formatNtd(a.oldLimit)}).`;
}
