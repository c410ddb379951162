import { z } from "zod";
import { entityId, safeText } from "@/lib/api/input";

export const runIdParamsSchema = z.strictObject({ runId: entityId() });
export const approveRunBodySchema = z.strictObject({ comment: safeText().max(500).optional() });
export const rejectRunBodySchema = z.strictObject({ comment: safeText().trim().min(10, "at least 10 characters: say why").max(500) });
