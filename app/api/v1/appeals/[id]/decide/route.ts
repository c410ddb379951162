import { apiRoute } from "@/lib/api/route";
import { decideAppealSchema } from "@/features/appeals/schema";
import { idParamsSchema } from "@/features/adjustments/schema";
import { decideAppeal } from "@/features/appeals/mutations";

export const POST = apiRoute({ permission: "adjustment:decide", params: idParamsSchema, body: decideAppealSchema }, ({ params, body, actor, requestId, ip }) =>
  decideAppeal(params.id, body, { actor, requestId, ip }),
);
