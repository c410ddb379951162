"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Card } from "@/components/card";
import { ApiErrorNotice } from "@/components/api-error-notice";
import { queryKeys } from "@/lib/query-keys";
import { borrowerLimitsQuery, type BorrowerLimits } from "@/features/borrowers/limits-query";
import type { InitialPage } from "@/lib/initial-page";
import { BorrowerNotices } from "./borrower-notices";
import { LimitHistoryTable } from "./limit-history-table";
import { PendingAdjustment } from "./pending-adjustment";
import { ProposeLimitForm } from "./propose-limit-form";

/** `appeals`: the appeal cards (features/appeals), placed in the panel's grid once the data is in. */
type Props = { borrowerId: number; canPropose: boolean; appeals?: ReactNode; initial?: InitialPage<BorrowerLimits> };

/**
 * Limit history, the pending proposal and notices of one borrower (then its appeals, passed in),
 * with the proposal form for the roles that may use it. Rendered with the page (`initial`), then
 * read from the API, refreshed after each action.
 */
export function LimitHistoryPanel({ borrowerId, canPropose, appeals, initial = null }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [proposed, setProposed] = useState<string | null>(null);
  const { data, error, isPending } = useQuery(borrowerLimitsQuery(borrowerId, initial));

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.borrowerLimits, borrowerId] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.adjustments });
    void queryClient.invalidateQueries({ queryKey: queryKeys.appeals });
    router.refresh(); // the summary above shows the current limit
  }

  if (error) return <ApiErrorNotice error={error} fallback="Could not load the limit history." returnTo={`/borrowers/${borrowerId}`} />;
  if (isPending || !data) {
    return (
      <Card title="Limit history" headingId="limit-history-heading">
        <p className="text-sm text-slate-600" role="status">
          Loading limit history…
        </p>
      </Card>
    );
  }

  const pending = data.pendingAdjustment;
  return (
    <div className="grid items-start gap-5 lg:grid-cols-2">
      <Card title="Limit history" headingId="limit-history-heading" description="Applied, scheduled and cancelled changes, newest first" className="lg:col-span-2">
        <LimitHistoryTable changes={data.limitChanges} />
      </Card>
      {/* One proposal at a time: the pending one, or (for proposers) the form for a new one. */}
      {pending || !canPropose ? (
        <Card title="Pending adjustment" headingId="pending-adjustment-heading" description="A proposal waiting for a manager's decision">
          {proposed && pending?.id === proposed ? (
            <p role="status" className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
              Proposal sent: it waits in the inbox for {pending.requiredApprovals === 2 ? "two approvals" : "a manager's approval"}.
            </p>
          ) : null}
          <PendingAdjustment adjustment={pending} />
        </Card>
      ) : (
        <Card title="Propose limit change" headingId="propose-heading" description="A manual proposal; a manager who is not you decides it">
          <ProposeLimitForm
            borrowerId={borrowerId}
            currentLimit={data.currentLimit}
            onProposed={(adjustment) => {
              setProposed(adjustment.id);
              refresh();
            }}
          />
        </Card>
      )}
      <Card title="Notices" headingId="notices-heading" description="Sent to the borrower before a decrease takes effect">
        <BorrowerNotices notices={data.notices} />
      </Card>
      {appeals}
    </div>
  );
}
