"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Card } from "@/components/card";
import { fetchJson } from "@/lib/fetch-json";
import { ApiErrorNotice } from "@/components/api-error-notice";
import type { AdjustmentView, AppealView, LimitChangeView, NoticeView } from "@/features/adjustments/components/types";
import { BorrowerAppeals } from "./borrower-appeals";
import { BorrowerNotices } from "./borrower-notices";
import { LimitHistoryTable } from "./limit-history-table";
import { PendingAdjustment } from "./pending-adjustment";
import { ProposeLimitForm } from "./propose-limit-form";
import { RecordAppealForm } from "./record-appeal-form";

/** The limit-adjustment part of GET /api/v1/borrowers/{id}. */
export type BorrowerLimits = {
  id: number;
  currentLimit: number;
  limitChanges: LimitChangeView[];
  notices: NoticeView[];
  appeals: AppealView[];
  pendingAdjustment: AdjustmentView | null;
};

type Props = { borrowerId: number; canPropose: boolean; canRecordAppeal: boolean };

/**
 * Limit history, the pending proposal, notices and appeals of one borrower, with the proposal
 * and appeal forms for the roles that may use them. Read from the API (which applies any
 * scheduled change that has come due first), refreshed after each action.
 */
export function LimitHistoryPanel({ borrowerId, canPropose, canRecordAppeal }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [proposed, setProposed] = useState<string | null>(null);
  const { data, error, isPending } = useQuery({
    queryKey: ["borrower-limits", borrowerId],
    queryFn: ({ signal }) => fetchJson<BorrowerLimits>(`/api/v1/borrowers/${borrowerId}`, signal),
    staleTime: 0,
  });

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: ["borrower-limits", borrowerId] });
    void queryClient.invalidateQueries({ queryKey: ["adjustments"] });
    void queryClient.invalidateQueries({ queryKey: ["appeals"] });
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

  const openAppealFor = new Set(data.appeals.filter((a) => a.status === "OPEN").map((a) => a.limitChangeId));
  const appealable = data.limitChanges.filter((c) => c.newLimit < c.oldLimit && c.status !== "CANCELLED" && !c.appealId && !openAppealFor.has(c.id));
  const decreases = data.limitChanges.some((c) => c.newLimit < c.oldLimit);

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
      <Card title="Appeals" headingId="appeals-heading" description="The borrower's appeals against decreases">
        <BorrowerAppeals appeals={data.appeals} />
      </Card>
      {canRecordAppeal && decreases ? (
        <Card title="Record appeal" headingId="record-appeal-heading" description="The borrower contests a decrease: a manager decides within the appeal deadline">
          <RecordAppealForm decreases={appealable} onRecorded={refresh} />
        </Card>
      ) : null}
    </div>
  );
}
