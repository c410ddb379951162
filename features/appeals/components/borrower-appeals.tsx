import { AppealStatusBadge, CHANNEL_LABEL, OverdueBadge } from "@/features/appeals/components/appeal-badges";
import { formatDate } from "@/lib/format";
import type { AppealView } from "@/features/appeals/types";
import { ownValue } from "@/lib/closed-list";

/** Appeals the borrower made against a decrease, with how each was decided. */
export function BorrowerAppeals({ appeals }: { appeals: AppealView[] }) {
  if (!appeals.length) return <p className="text-sm text-slate-700">No appeals.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label="Appeals">
      {appeals.map((a) => (
        <li key={a.id} className="py-2 text-sm first:pt-0 last:pb-0">
          <p className="flex flex-wrap items-center gap-1.5">
            <AppealStatusBadge status={a.status} />
            {a.overdue ? <OverdueBadge /> : null}
            <span className="text-xs text-slate-600">
              Received {formatDate(a.receivedAt)} by {ownValue(CHANNEL_LABEL, a.channel) ?? a.channel} · due {formatDate(a.dueAt)} · recorded by {a.recordedByEmail}
            </span>
          </p>
          <p className="mt-1 text-slate-900">{a.text}</p>
          {a.decidedAt ? (
            <p className="mt-1 text-xs text-slate-700">
              Decided {formatDate(a.decidedAt)} by {a.decidedByEmail}
              {a.comment ? `: “${a.comment}”` : ""}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
