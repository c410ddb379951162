"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Card } from "@/components/card";
import { invalidateAfterDecision } from "@/lib/query-keys";
import { borrowerLimitsQuery, type BorrowerLimits } from "@/features/borrowers/limits-query";
import type { InitialPage } from "@/lib/initial-page";
import { BorrowerAppeals } from "./borrower-appeals";
import { RecordAppealForm } from "./record-appeal-form";

type Props = { borrowerId: number; canRecordAppeal: boolean; initial?: InitialPage<BorrowerLimits> };

/**
 * The borrower page's appeal cards: the borrower's appeals and, for the roles that may record one,
 * the form. Reads the borrower-limits answer the limit panel already loaded (same query, one request).
 */
export function BorrowerAppealCards({ borrowerId, canRecordAppeal, initial = null }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data } = useQuery(borrowerLimitsQuery(borrowerId, initial));
  if (!data) return null;

  function refresh() {
    invalidateAfterDecision(queryClient);
    router.refresh(); // the summary above shows the current limit
  }

  const openAppealFor = new Set(data.appeals.filter((a) => a.status === "OPEN").map((a) => a.limitChangeId));
  const appealable = data.limitChanges.filter((c) => c.newLimit < c.oldLimit && c.status !== "CANCELLED" && !c.appealId && !openAppealFor.has(c.id));
  const decreases = data.limitChanges.some((c) => c.newLimit < c.oldLimit);
  return (
    <>
      <Card title="Appeals" headingId="appeals-heading" description="The borrower's appeals against decreases">
        <BorrowerAppeals appeals={data.appeals} />
      </Card>
      {canRecordAppeal && decreases ? (
        <Card title="Record appeal" headingId="record-appeal-heading" description="The borrower contests a decrease: a manager decides within the appeal deadline">
          <RecordAppealForm decreases={appealable} onRecorded={refresh} />
        </Card>
      ) : null}
    </>
  );
}
