import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { previewBodySchema } from "@/features/policy/schema";
import { getActivePolicy, getPortfolioColumns } from "@/features/policy/data";
import { previewWithBaseline } from "@/features/policy/preview/side-by-side";
import { applyDueNow } from "@/features/limit-changes/mutations";

// Read-only: any role that can read policies may preview a draft against the active one.
export const POST = apiRoute({ permission: "policy:read", summary: "Impact of a draft policy against the ACTIVE one (changes nothing)", body: previewBodySchema, readOnly: true }, async ({ body }) => {
  await applyDueNow(); // limits in the preview are the limits in force today
  const [active, columns] = await Promise.all([getActivePolicy(), getPortfolioColumns()]);
  if (!active) throw new ApiError(409, "No ACTIVE policy to compare with.");
  return previewWithBaseline(columns, active.config, body.policy);
});
