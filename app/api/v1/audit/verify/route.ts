import { apiRoute } from "@/lib/api/route";
import { auditChain } from "@/features/audit/data";
import { verifyChain } from "@/features/audit/chain";

// Same check as `npm run audit:verify`, from inside the running server.
export const GET = apiRoute({ permission: "audit:read", summary: "Verify the audit hash chain" }, async () => verifyChain(auditChain()));
