import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { borrowerIdParamsSchema } from "@/features/borrowers/schema";
import { getBorrower } from "@/features/borrowers/data";

export const GET = apiRoute({ permission: "portfolio:read", params: borrowerIdParamsSchema }, async ({ params }) => {
  const borrower = await getBorrower(params.id);
  if (!borrower) throw notFound(`Borrower ${params.id}`);
  return borrower;
});
