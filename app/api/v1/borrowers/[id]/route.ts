import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { now } from "@/lib/clock";
import { borrowerDetailSchema, borrowerIdParamsSchema } from "@/features/borrowers/schema";
import { getBorrower } from "@/features/borrowers/data";
import { borrowerLimitHistory } from "@/features/limit-changes/data";
import { applyDueNow } from "@/features/limit-changes/mutations";
import { getAdjustment } from "@/features/adjustments/data";

export const GET = apiRoute({ permission: "portfolio:read", summary: "One borrower: score, tier and statement history, reason codes", params: borrowerIdParamsSchema, response: borrowerDetailSchema }, async ({ params }) => {
  await applyDueNow(); // a decrease whose date has passed is applied before anyone reads the limit
  const borrower = await getBorrower(params.id);
  if (!borrower) throw notFound(`Borrower ${params.id}`);
  const { pendingAdjustmentId, ...history } = await borrowerLimitHistory(params.id, now());
  const pendingAdjustment = pendingAdjustmentId ? await getAdjustment(pendingAdjustmentId) : null;
  return { ...borrower, currentLimit: borrower.limit, ...history, pendingAdjustment };
});
