import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { can } from "@/features/auth/permissions";
import { borrowerListQuerySchema, borrowerListResponseSchema } from "@/features/borrowers/schema";
import { allBorrowers, listBorrowers } from "@/features/borrowers/data";
import { borrowersCsv } from "@/features/borrowers/csv";
import { csvResponse } from "@/lib/csv";

export const GET = apiRoute({ permission: "portfolio:read", summary: "Borrowers of the latest month, filtered, sorted and paged (format=csv: all matching rows as CSV)", query: borrowerListQuerySchema, response: borrowerListResponseSchema }, async ({ query, actor }) => {
  if (query.format === "csv") {
    if (!can(actor.role, "portfolio:export")) throw new ApiError(403, 'Your role lacks the permission "portfolio:export".');
    return csvResponse(borrowersCsv(await allBorrowers(query)), "borrowers.csv");
  }
  const { month: _month, ...page } = await listBorrowers(query);
  return page;
});
