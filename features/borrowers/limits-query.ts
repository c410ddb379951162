// The limit-adjustment part of GET /api/v1/borrowers/{id} as one query: the borrower page's limit
// panel and its appeal cards read the same cached answer (one request).
import { fetchJson } from "@/lib/http-client";
import { seededFrom, type InitialPage } from "@/lib/initial-page";
import { queryKeys } from "@/lib/query-keys";
import type { AdjustmentView, LimitChangeView, NoticeView } from "@/features/adjustments/types";
import type { AppealView } from "@/features/appeals/types";

export type BorrowerLimits = {
  id: number;
  currentLimit: number;
  limitChanges: LimitChangeView[];
  notices: NoticeView[];
  appeals: AppealView[];
  pendingAdjustment: AdjustmentView | null;
};

/** `initial`: the same answer rendered with the page (its query is the borrower id). */
export const borrowerLimitsQuery = (borrowerId: number, initial: InitialPage<BorrowerLimits> = null) => ({
  queryKey: [...queryKeys.borrowerLimits, borrowerId],
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<BorrowerLimits>(`/api/v1/borrowers/${borrowerId}`, signal),
  ...seededFrom(initial, String(borrowerId)),
  // Others decide too: a few seconds (every action here invalidates it at once).
  staleTime: 5_000,
});
