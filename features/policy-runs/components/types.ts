// The JSON of GET /api/v1/policy-runs/{id}, as the browser sees it.
import type { RunSummary } from "../summary-sql";

export type RunItem = { id: string; borrowerId: number; oldLimit: number; newLimit: number; delta: number; tierBefore: string | null; tierAfter: string | null; score: number | null; status: string };
export type PolicyRunView = {
  id: string; policyId: string; policyVersion: number; month: string; status: string;
  createdAt: string; createdByEmail: string; createdById: string; requiredApprovals: number; decidedAt: string | null;
  decisions: Array<{ deciderEmail: string; decision: string; comment: string | null; at: string }>;
  computeJobId: string | null; decisionJobId: string | null;
  summary: RunSummary | null;
  progress: { applied: number; stale: number };
  sample: RunItem[];
  exceptions: { skippedPending: number; individual: RunItem[]; stale: RunItem[] };
};
