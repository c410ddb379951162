import { apiRoute } from "@/lib/api/route";
import { getOverview } from "@/features/overview/data";

export const GET = apiRoute({ permission: "portfolio:read", summary: "Portfolio overview: tier mix, changes, score histogram" }, () => getOverview());
