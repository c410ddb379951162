// Response shapes of the adjustments and limit-changes API as the browser receives them
// (dates are ISO strings). They mirror the API contract; the server owns the real definitions.
import type { Tier } from "@/features/policy/schema";

export type AdjustmentStatus = "PENDING" | "APPROVED" | "REJECTED";

export type AdjustmentDecisionView = {
  deciderEmail: string;
  decision: "APPROVE" | "REJECT";
  deciderRole?: string | null;
  comment: string | null;
  createdAt: string;
};

export type AdjustmentReasonCode = { code: string; text: string; pointsLost: number | null };

export type AdjustmentView = {
  id: string;
  borrowerId: number;
  source: "POLICY_RUN" | "MANUAL";
  policyRunId: string | null;
  policyVersion: number | null;
  oldLimit: number;
  newLimit: number;
  delta: number;
  tierBefore: Tier | null;
  tierAfter: Tier | null;
  score: number | null;
  reasonCodes: AdjustmentReasonCode[];
  reason: string | null;
  status: AdjustmentStatus;
  /** The borrower's limit now; `stale` = PENDING but proposed against another limit (re-propose). */
  currentLimit: number | null;
  /** The borrower's current balance (list and detail answers; absent elsewhere). */
  balance?: number | null;
  stale: boolean;
  /** Why a PENDING proposal no longer holds although the limit did not move (a replacement revision re-scored the month). */
  staleReason: string | null;
  requiredApprovals: number;
  approvals: number;
  /** Override of the active policy (issue 11 §1): the rules broken, the reason, whether an ADMIN must approve. */
  override?: { rules: Array<{ code: string; message: string }>; reason: string | null; text: string | null; needsAdmin: boolean } | null;
  proposedByEmail: string;
  createdAt: string;
  decidedAt: string | null;
  decisions: AdjustmentDecisionView[];
};

export type AdjustmentPage = { total: number; totalIsEstimate: boolean; page: number; pageSize: number; items: AdjustmentView[] };

export type LimitChangeStatus = "SCHEDULED" | "APPLIED" | "CANCELLED" | "SUPERSEDED";

export type LimitChangeView = {
  id: string;
  seq: number;
  borrowerId: number;
  adjustmentId: string | null;
  appealId: string | null;
  oldLimit: number;
  newLimit: number;
  approvers: string[];
  effectiveDate: string;
  status: LimitChangeStatus;
  appliedAt: string | null;
  createdAt: string;
};

export type NoticeView = { id: string; kind?: "DECREASE" | "INCREASE" | "CANCELLATION" | "RESTORED" | string; text: string; effectiveDate: string; createdAt: string; reasonCodes: Array<{ code: string; text: string }> };

export type DecisionResult = { adjustment: AdjustmentView; limitChange: LimitChangeView | null };

export type BulkResult = {
  id: string;
  status: 200 | 403 | 404 | 409;
  outcome?: AdjustmentStatus;
  message?: string;
};

/** POST /policies/{id}/run (202): the run and the job computing it; the run's page shows its progress and summary. */
export type PolicyRunResult = {
  runId: string;
  jobId: string | null;
  status: string;
  policyVersion: number;
  month: string;
  alreadyRan: boolean;
  message: string;
};

export type ReasonCodeOption = { code: string; text: string };
