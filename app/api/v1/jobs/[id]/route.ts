import { apiRoute } from "@/lib/api/route";
import { jobIdParamsSchema, jobResponseSchema } from "@/features/jobs/schema";
import { getJob } from "@/features/jobs/data";
import { assertCanReadJob } from "@/features/jobs/access";
import { jobView } from "@/features/jobs/view";

// Every role reaches the route; the job itself then needs the permission of the action that started it.
export const GET = apiRoute({
  permission: "portfolio:read",
  summary: "A background job: status, done/total, result or error (403 without the permission of the action that started it)",
  params: jobIdParamsSchema,
  response: jobResponseSchema,
}, async ({ params, actor }) =>
  jobView(assertCanReadJob(await getJob(params.id), actor)),
);
