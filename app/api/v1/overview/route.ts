import { apiRoute } from "@/lib/api/route";
import { getOverview } from "@/features/overview/data";

export const GET = apiRoute({ permission: "portfolio:read" }, () => getOverview());
