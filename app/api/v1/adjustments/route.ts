import { apiRoute, json } from "@/lib/api/route";
import { adjustmentListQuerySchema, manualProposalSchema } from "@/features/adjustments/schema";
import { listAdjustments } from "@/features/adjustments/data";
import { proposeManual } from "@/features/adjustments/mutations";

export const GET = apiRoute({ permission: "portfolio:read", summary: "Adjustments with filters", query: adjustmentListQuerySchema }, ({ query }) => listAdjustments(query));

export const POST = apiRoute({ permission: "adjustment:propose", summary: "Manual proposal (409 when the borrower already has a PENDING one)", body: manualProposalSchema }, async ({ body, actor, requestId, ip }) =>
  json(await proposeManual(body, { actor, requestId, ip }), { status: 201, requestId }),
);
