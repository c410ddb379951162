import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { now } from "@/lib/clock";
import { borrowerDetailSchema, borrowerIdParamsSchema } from "@/features/borrowers/schema";
import { getBorrower, protectedAttributesFor } from "@/features/borrowers/data";
import { borrowerLimitHistory } from "@/features/limit-changes/data";
import { getAdjustment } from "@/features/adjustments/data";

export const GET = apiRoute({ permission: "portfolio:read", summary: "One borrower: score, tier and statement history, reason codes (protectedAttributes only with borrower-protected:read)", params: borrowerIdParamsSchema, response: borrowerDetailSchema }, async ({ params, actor }) => {
  const borrower = await getBorrower(params.id);
  if (!borrower) throw notFound(`Borrower ${params.id}`);
  const { pendingAdjustmentId, ...history } = await borrowerLimitHistory(params.id, now());
  const pendingAdjustment = pendingAdjustmentId ? await getAdjustment(pendingAdjustmentId) : null;
  const protectedAttributes = await protectedAttributesFor(actor, params.id);
  return { ...borrower, currentLimit: borrower.limit, ...history, pendingAdjustment, ...(protectedAttributes ? { protectedAttributes } : {}) };
});
