import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { overrideCheckQuerySchema } from "@/features/adjustments/schema";
import { checkProposal } from "@/features/adjustments/data";

export const GET = apiRoute(
  { permission: "adjustment:propose", summary: "Would this manual proposal be an override? The policy rules it breaks, the ceiling and the approvals it needs", query: overrideCheckQuerySchema },
  async ({ query }) => {
    const check = await checkProposal(query.borrowerId, query.newLimit);
    if (!check) throw new ApiError(404, `Borrower ${query.borrowerId} not found`);
    return check;
  },
);
