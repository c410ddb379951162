import { apiRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = apiRoute({ permission: "portfolio:read" }, async () => openApiDocument());
