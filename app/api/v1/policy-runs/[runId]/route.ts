import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { runIdParamsSchema } from "@/features/policy-runs/schema";
import { getPolicyRunView } from "@/features/policy-runs/data";

export const GET = apiRoute(
  { permission: "policy:read", summary: "A policy run: status, summary (counts, Σ increase/decrease, exposure/EAD/EL delta, tier migration), decisions, a sample of rows and the exceptions", params: runIdParamsSchema },
  async ({ params }) => (await getPolicyRunView(params.runId)) ?? Promise.reject(notFound(`Policy run ${params.runId}`)),
);
