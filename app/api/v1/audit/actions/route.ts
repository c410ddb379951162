import { apiRoute } from "@/lib/api/route";
import { AUDIT_ACTIONS } from "@/features/audit/actions";

export const GET = apiRoute({ permission: "audit:read", summary: "The closed list of audit actions" }, async () => ({ items: AUDIT_ACTIONS }));
