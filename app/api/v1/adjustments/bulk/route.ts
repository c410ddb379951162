import { apiRoute } from "@/lib/api/route";
import { bulkDecisionSchema } from "@/features/adjustments/schema";
import { decideMany } from "@/features/adjustments/mutations";

export const POST = apiRoute({ permission: "adjustment:decide", summary: "Decide many; each in its own transaction, each outcome reported", body: bulkDecisionSchema }, ({ body, actor, requestId, ip }) =>
  decideMany(body.ids, body.decision === "approve" ? "APPROVE" : "REJECT", body.comment, { actor, requestId, ip }),
);
