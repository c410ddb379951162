import { apiRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = apiRoute({ permission: "portfolio:read", summary: "This document, assembled from the routes' own specs" }, async () => openApiDocument());
