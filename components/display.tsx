// Small display pieces of limits and adjustments shared by the inbox, the borrower page and the limit-change feed.
import { Badge } from "@/components/badge";
import { cn } from "@/components/cn";
import { TierBadge } from "@/components/tier-badge";
import { formatDate, formatInt, formatNtd } from "@/lib/format";
import type { AdjustmentStatus, AdjustmentView, LimitChangeStatus } from "@/features/adjustments/types";

/** Signed NT$ amount with a true minus sign: −NT$60,000 / +NT$20,000. */
export const formatNtdSigned = (n: number) => (n > 0 ? `+${formatNtd(n)}` : n < 0 ? `−${formatNtd(-n)}` : formatNtd(0));

/** The change in words and sign as well as colour: "▼ −NT$60,000" with "decrease" for screen readers. */
export function Delta({ delta, className }: { delta: number; className?: string }) {
  const kind = delta < 0 ? "decrease" : delta > 0 ? "increase" : "no change";
  return (
    <span className={cn("font-medium whitespace-nowrap tabular-nums", delta < 0 ? "text-red-800" : delta > 0 ? "text-green-800" : "text-slate-700", className)}>
      <span aria-hidden="true">{delta < 0 ? "▼ " : delta > 0 ? "▲ " : ""}</span>
      {formatNtdSigned(delta)}
      <span className="sr-only"> ({kind})</span>
    </span>
  );
}

/** "NT$200,000 → NT$140,000" with the signed change below it. */
export function LimitChangeCell({ oldLimit, newLimit }: { oldLimit: number; newLimit: number }) {
  return (
    <span className="inline-flex flex-col items-end leading-tight">
      <span className="whitespace-nowrap text-slate-900">
        {formatNtd(oldLimit)} <span aria-hidden="true">→</span>
        <span className="sr-only"> to </span> {formatNtd(newLimit)}
      </span>
      <Delta delta={newLimit - oldLimit} className="text-xs" />
    </span>
  );
}

/**
 * "How much is left" before → after (issue 11 §2): balance, utilisation and available credit.
 * Reads the item's fields defensively: `balance` may be absent from some answers.
 */
export function AvailableCell({ oldLimit, newLimit, balance }: { oldLimit: number; newLimit: number; balance?: number | null }) {
  if (balance == null) return <span className="text-slate-600">—</span>;
  const owed = Math.max(balance, 0);
  const util = (limit: number) => (limit > 0 ? `${Math.round((owed / limit) * 100)} %` : "—");
  return (
    <span className="inline-flex flex-col items-end leading-tight">
      <span className="whitespace-nowrap text-slate-900">
        {formatNtd(Math.max(oldLimit - owed, 0))} <span aria-hidden="true">→</span>
        <span className="sr-only"> to </span> {formatNtd(Math.max(newLimit - owed, 0))}
      </span>
      <span className="text-xs whitespace-nowrap text-slate-600">
        balance {formatNtd(owed)} · {util(oldLimit)} → {util(newLimit)}
      </span>
    </span>
  );
}

export function TierChange({ before, after }: { before: AdjustmentView["tierBefore"]; after: AdjustmentView["tierAfter"] }) {
  if (before === after) return <TierBadge tier={after} />;
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <TierBadge tier={before} />
      <span aria-hidden="true" className="text-slate-500">
        →
      </span>
      <span className="sr-only">to</span>
      <TierBadge tier={after} />
    </span>
  );
}

/** "1 of 2 approvals" when two are needed; "1 approval needed" otherwise. */
export function Approvals({ approvals, required }: { approvals: number; required: number }) {
  if (required <= 1) return <span className="text-xs text-slate-600">{approvals >= 1 ? "Approved" : "One approver"}</span>;
  return (
    <Badge className={approvals > 0 ? "bg-blue-50 text-blue-900 ring-blue-600/30" : undefined}>
      {formatInt(approvals)} of {formatInt(required)}
    </Badge>
  );
}

const ADJUSTMENT_STATUS_CLASS: Record<AdjustmentStatus, string> = {
  PENDING: "bg-amber-50 text-amber-900 ring-amber-600/30",
  APPROVED: "bg-green-50 text-green-800 ring-green-600/30",
  REJECTED: "bg-slate-100 text-slate-800 ring-slate-500/30",
};
const ADJUSTMENT_STATUS_LABEL: Record<AdjustmentStatus, string> = { PENDING: "Pending", APPROVED: "Approved", REJECTED: "Rejected" };

export function AdjustmentStatusBadge({ status }: { status: AdjustmentStatus }) {
  return <Badge className={ADJUSTMENT_STATUS_CLASS[status]}>{ADJUSTMENT_STATUS_LABEL[status] ?? status}</Badge>;
}

const CHANGE_STATUS_CLASS: Record<LimitChangeStatus, string> = {
  SCHEDULED: "bg-amber-50 text-amber-900 ring-amber-600/30",
  APPLIED: "bg-green-50 text-green-800 ring-green-600/30",
  CANCELLED: "bg-slate-100 text-slate-800 ring-slate-500/30",
  SUPERSEDED: "bg-slate-100 text-slate-800 ring-slate-500/30",
};

/** "Applied", "Cancelled", "Superseded" or "Scheduled for 2026-01-15". */
export function LimitChangeStatusBadge({ status, effectiveDate }: { status: LimitChangeStatus; effectiveDate: string }) {
  const label = status === "SCHEDULED" ? `Scheduled for ${formatDate(effectiveDate)}` : status === "APPLIED" ? "Applied" : status === "SUPERSEDED" ? "Superseded" : "Cancelled";
  return <Badge className={CHANGE_STATUS_CLASS[status]}>{label}</Badge>;
}

/** Reason codes in words, compact: one line each for the first two, then "+N more" (all of them in the title). */
export function ReasonCodeList({ codes, max = 2 }: { codes: AdjustmentView["reasonCodes"]; max?: number }) {
  if (!codes.length) return <span className="text-slate-500">—</span>;
  const shown = codes.slice(0, max);
  const rest = codes.slice(max);
  return (
    <ul className="max-w-80 text-xs leading-snug text-slate-800" title={codes.map((c) => c.text).join("\n")}>
      {shown.map((c, i) => (
        <li key={c.code} className="flex min-w-0 gap-1">
          <span className="truncate">{c.text}</span>
          {i === shown.length - 1 && rest.length ? (
            <span className="shrink-0 text-slate-600">
              +{rest.length} more<span className="sr-only">: {rest.map((r) => r.text).join("; ")}</span>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
