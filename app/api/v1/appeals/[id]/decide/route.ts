import { apiRoute } from "@/lib/api/route";
import { decideAppealSchema } from "@/features/appeals/schema";
import { idParamsSchema } from "@/features/adjustments/schema";
import { decideAppeal } from "@/features/appeals/mutations";

export const POST = apiRoute({ permission: "adjustment:decide", summary: "Uphold or reverse (never by the proposer or an approver of the cut)", params: idParamsSchema, body: decideAppealSchema }, ({ params, body, actor, requestId, ip }) =>
  decideAppeal(params.id, body, { actor, requestId, ip }),
);
