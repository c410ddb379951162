import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { now } from "@/lib/clock";
import { borrowerDetailSchema, borrowerIdParamsSchema } from "@/features/borrowers/schema";
import { getBorrowerDetail } from "@/features/borrowers/data";

export const GET = apiRoute({ permission: "portfolio:read", summary: "One borrower: score, tier and statement history, reason codes (protectedAttributes only with borrower-protected:read)", params: borrowerIdParamsSchema, response: borrowerDetailSchema }, async ({ params, actor }) => {
  const detail = await getBorrowerDetail(params.id, actor, now());
  if (!detail) throw notFound(`Borrower ${params.id}`);
  return detail;
});
