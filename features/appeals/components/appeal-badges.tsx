// Appeal status, overdue and channel labels (the inbox's appeals and the borrower page's).
import { Badge } from "@/components/badge";
import type { AppealChannel, AppealStatus } from "@/features/appeals/types";

const APPEAL_STATUS_CLASS: Record<AppealStatus, string> = {
  OPEN: "bg-blue-50 text-blue-900 ring-blue-600/30",
  UPHELD: "bg-slate-100 text-slate-800 ring-slate-500/30",
  REVERSED: "bg-green-50 text-green-800 ring-green-600/30",
};
const APPEAL_STATUS_LABEL: Record<AppealStatus, string> = { OPEN: "Open", UPHELD: "Cut upheld", REVERSED: "Cut reversed" };

export function AppealStatusBadge({ status }: { status: AppealStatus }) {
  return <Badge className={APPEAL_STATUS_CLASS[status]}>{APPEAL_STATUS_LABEL[status] ?? status}</Badge>;
}

export function OverdueBadge() {
  return <Badge className="bg-red-50 text-red-800 ring-red-600/30">Overdue</Badge>;
}

export const CHANNEL_LABEL: Record<AppealChannel, string> = { PHONE: "Phone", EMAIL: "Email", LETTER: "Letter", BRANCH: "Branch", APP: "App" };
