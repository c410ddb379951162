// The limit-adjustment part of GET /api/v1/borrowers/{id} as one query: the borrower page's limit
// panel and its appeal cards read the same cached answer (one request).
import { fetchJson } from "@/lib/http-client";
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

export const borrowerLimitsQuery = (borrowerId: number) => ({
  queryKey: [...queryKeys.borrowerLimits, borrowerId],
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<BorrowerLimits>(`/api/v1/borrowers/${borrowerId}`, signal),
  staleTime: 0,
});
