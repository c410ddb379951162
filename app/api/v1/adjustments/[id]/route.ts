import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { idParamsSchema } from "@/features/adjustments/schema";
import { getAdjustment } from "@/features/adjustments/data";

export const GET = apiRoute({ permission: "portfolio:read", summary: "One adjustment with its approvals", params: idParamsSchema }, async ({ params }) => {
  const adjustment = await getAdjustment(params.id);
  if (!adjustment) throw notFound(`Adjustment ${params.id}`);
  return adjustment;
});
