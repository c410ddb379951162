import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { can } from "@/features/auth/permissions";
import { borrowerListQuerySchema, borrowerListResponseSchema } from "@/features/borrowers/schema";
import { borrowerBatches, listBorrowers } from "@/features/borrowers/data";
import { borrowersCsvResponse } from "@/features/borrowers/csv";

export const GET = apiRoute({ permission: "portfolio:read", summary: "Borrowers now (or of `month` from the score history), filtered, sorted, keyset-paged by `cursor` (format=csv: every matching row, streamed)", query: borrowerListQuerySchema, response: borrowerListResponseSchema }, async ({ query, actor }) => {
  if (query.format === "csv") {
    if (!can(actor.role, "portfolio:export")) throw new ApiError(403, 'Your role lacks the permission "portfolio:export".');
    return borrowersCsvResponse(await borrowerBatches(query), query.month ? `borrowers-${query.month}.csv` : "borrowers.csv");
  }
  return listBorrowers(query);
});
