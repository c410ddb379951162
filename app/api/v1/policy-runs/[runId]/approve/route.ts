import { apiRoute, json } from "@/lib/api/route";
import { approveRunBodySchema, runIdParamsSchema } from "@/features/policy-runs/schema";
import { decideRun } from "@/features/run-approvals/mutations";

export const POST = apiRoute(
  {
    permission: "adjustment:decide",
    summary: "Approve a whole policy run (not its starter; two different approvers above the run threshold) → 202 { jobId } of the job that applies it (null while a second approval is needed)",
    params: runIdParamsSchema,
    body: approveRunBodySchema,
  },
  async ({ params, body, actor, requestId, ip }) => json(await decideRun(params.runId, "APPROVE", body.comment, { actor, requestId, ip }), { status: 202, requestId }),
);
