import { apiRoute } from "@/lib/api/route";
import { AUDIT_ACTIONS } from "@/features/audit/actions";

export const GET = apiRoute({ permission: "audit:read" }, async () => ({ items: AUDIT_ACTIONS }));
