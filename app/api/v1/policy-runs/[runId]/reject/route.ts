import { apiRoute, json } from "@/lib/api/route";
import { rejectRunBodySchema, runIdParamsSchema } from "@/features/policy-runs/schema";
import { decideRun } from "@/features/run-approvals/mutations";

export const POST = apiRoute(
  { permission: "adjustment:decide", summary: "Reject a whole policy run with a comment (not its starter) → 202 { jobId } of the job that rejects its items", params: runIdParamsSchema, body: rejectRunBodySchema },
  async ({ params, body, actor, requestId, ip }) => json(await decideRun(params.runId, "REJECT", body.comment, { actor, requestId, ip }), { status: 202, requestId }),
);
