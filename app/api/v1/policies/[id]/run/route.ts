import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { policyIdParamsSchema } from "@/features/policy/schema";
import { runActivePolicy } from "@/features/policy-runs/mutations";

export const POST = apiRoute(
  {
    permission: "adjustment:propose",
    summary: "Run the ACTIVE policy: one PENDING adjustment per borrower whose limit would change (idempotent per version and month)",
    params: policyIdParamsSchema,
    body: z.strictObject({}),
  },
  async ({ params, actor, requestId, ip }) => {
    const result = await runActivePolicy({ actor, requestId, ip }, params.id);
    const { run } = result;
    const message = result.alreadyRan
      ? `Already ran v${run.policyVersion} on ${run.month}: nothing new created.`
      : `Created ${result.created.toLocaleString("en-US")} pending adjustments from v${run.policyVersion} on ${run.month}` +
        (result.skippedPending ? ` (${result.skippedPending} borrowers skipped: they already had a pending adjustment).` : ".");
    return { runId: run.id, policyVersion: run.policyVersion, month: run.month, created: result.created, alreadyRan: result.alreadyRan, skippedPending: result.skippedPending, message };
  },
);
