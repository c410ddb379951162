import { z } from "zod";
import { entityId, safeText } from "@/lib/api/input";

export const APPEAL_CHANNELS = ["PHONE", "EMAIL", "LETTER", "BRANCH", "APP"] as const;

export const recordAppealSchema = z.strictObject({
  limitChangeId: entityId(),
  channel: z.enum(APPEAL_CHANNELS),
  text: safeText().trim().min(10, "must be at least 10 characters").max(2000),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export const decideAppealSchema = z.strictObject({
  decision: z.enum(["uphold", "reverse"]),
  comment: safeText().trim().min(3, "a decision needs a comment (at least 3 characters)").max(1000),
});
export const appealListQuerySchema = z.strictObject({ status: z.enum(["OPEN", "UPHELD", "REVERSED"]).optional() });
