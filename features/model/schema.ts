// The model versions API's inputs (issue 10 §3).
import { z } from "zod";
import { safeText } from "@/lib/api/input";

export const modelVersionParamsSchema = z.strictObject({ version: z.string().regex(/^[A-Za-z0-9._+-]{1,100}$/, "not a model version") });
export const modelDecisionBodySchema = z.strictObject({ comment: safeText().max(500).optional() });
export const modelDecisionResponseSchema = z.object({ version: z.string(), status: z.string(), retired: z.array(z.string()), jobId: z.string().nullable() });
