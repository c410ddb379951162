import { formatDate } from "@/lib/format";
import type { NoticeView } from "@/features/adjustments/types";

const KIND_LABEL: Record<string, string> = { DECREASE: "Decrease", INCREASE: "Increase", CANCELLATION: "Cancellation", RESTORED: "Limit restored" };

/** The notices sent to the borrower about limit changes, in the words the borrower received. */
export function BorrowerNotices({ notices }: { notices: NoticeView[] }) {
  if (!notices.length) return <p className="text-sm text-slate-700">No notices sent.</p>;
  return (
    <ol className="space-y-3" aria-label="Notices">
      {notices.map((n) => (
        <li key={n.id} className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <p className="text-xs text-slate-600">
            <span className="font-semibold text-slate-800">{KIND_LABEL[n.kind ?? "DECREASE"] ?? n.kind}</span> · Sent {formatDate(n.createdAt)} · takes effect {formatDate(n.effectiveDate)}
          </p>
          <blockquote className="mt-1 text-sm text-slate-900">{n.text}</blockquote>
        </li>
      ))}
    </ol>
  );
}
