import { apiRoute } from "@/lib/api/route";
import { REASON_CODES } from "@/features/adjustments/schema";

export const GET = apiRoute({ permission: "portfolio:read", summary: "The closed list of reason codes a manual proposal may cite" }, async () => ({
  items: [...REASON_CODES].map(([code, text]) => ({ code, text })),
}));
