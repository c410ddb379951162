import { formatDateTime, formatInt, formatNtd } from "@/lib/format";
import { AdjustmentStatusBadge, Approvals, Delta, ReasonCodeList, TierChange } from "@/components/display";
import type { AdjustmentView } from "@/features/adjustments/types";

/** The proposal waiting for a decision, if any. */
export function PendingAdjustment({ adjustment: a }: { adjustment: AdjustmentView | null }) {
  if (!a) return <p className="text-sm text-slate-700">No pending adjustment.</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
      <dt className="text-slate-600">Status</dt>
      <dd>
        <AdjustmentStatusBadge status={a.status} /> <Approvals approvals={a.approvals} required={a.requiredApprovals} />
      </dd>
      <dt className="text-slate-600">Proposed limit</dt>
      <dd className="tabular-nums">
        {formatNtd(a.oldLimit)} <span aria-hidden="true">→</span>
        <span className="sr-only">to</span> <span className="font-semibold">{formatNtd(a.newLimit)}</span> <Delta delta={a.delta} className="ml-1 text-xs" />
      </dd>
      <dt className="text-slate-600">Tier</dt>
      <dd>
        <TierChange before={a.tierBefore} after={a.tierAfter} />
        {a.score != null ? <span className="ml-2 text-xs text-slate-600">score {formatInt(a.score)}</span> : null}
      </dd>
      <dt className="text-slate-600">Proposed by</dt>
      <dd>
        {a.source === "POLICY_RUN" ? `Policy run${a.policyVersion != null ? ` v${a.policyVersion}` : ""}, ` : "Manual, "}
        {a.proposedByEmail} <span className="text-xs text-slate-600">({formatDateTime(a.createdAt)})</span>
      </dd>
      {a.reason ? (
        <>
          <dt className="text-slate-600">Reason</dt>
          <dd className="whitespace-pre-line">{a.reason}</dd>
        </>
      ) : null}
      <dt className="text-slate-600">Reason codes</dt>
      <dd>
        <ReasonCodeList codes={a.reasonCodes} max={4} />
      </dd>
      {a.decisions.length ? (
        <>
          <dt className="text-slate-600">Decisions so far</dt>
          <dd className="text-xs">
            {a.decisions.map((d) => `${d.decision === "APPROVE" ? "Approved" : "Rejected"} by ${d.deciderEmail}${d.comment ? `: “${d.comment}”` : ""}`).join("; ")}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
