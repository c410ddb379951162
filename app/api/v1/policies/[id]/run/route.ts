import { z } from "zod";
import { apiRoute, json } from "@/lib/api/route";
import { policyIdParamsSchema } from "@/features/policy/schema";
import { startPolicyRun } from "@/features/policy-runs/mutations";

export const POST = apiRoute(
  {
    permission: "adjustment:propose",
    summary: "Run the ACTIVE policy as a job → 202 { runId, jobId }: one PENDING adjustment per borrower whose limit would change, computed in SQL; a second run of the same version and month answers with the same run and job",
    params: policyIdParamsSchema,
    body: z.strictObject({}),
  },
  async ({ params, actor, requestId, ip }) => {
    const r = await startPolicyRun({ actor, requestId, ip }, params.id);
    const message = r.alreadyRan ? `Already ran v${r.policyVersion} on ${r.month} (run ${r.status}): nothing new created.` : `Computing the run of v${r.policyVersion} on ${r.month}.`;
    return json({ ...r, message }, { status: 202, requestId });
  },
);
