import { apiRoute } from "@/lib/api/route";
import { jobIdParamsSchema } from "@/features/jobs/schema";
import { getJob } from "@/features/jobs/data";
import { assertCanReadJob } from "@/features/jobs/access";
import { jobView } from "@/features/jobs/view";

// Every role reaches the route; the job itself then needs the permission of the action that started it.
export const GET = apiRoute({ permission: "portfolio:read", params: jobIdParamsSchema }, async ({ params, actor }) =>
  jobView(assertCanReadJob(await getJob(params.id), actor)),
);
