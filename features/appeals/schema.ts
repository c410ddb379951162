import { z } from "zod";

export const APPEAL_CHANNELS = ["PHONE", "EMAIL", "LETTER", "BRANCH", "APP"] as const;

export const recordAppealSchema = z.strictObject({
  limitChangeId: z.string().min(1).max(40),
  channel: z.enum(APPEAL_CHANNELS),
  text: z.string().trim().min(10, "must be at least 10 characters").max(2000),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export const decideAppealSchema = z.strictObject({
  decision: z.enum(["uphold", "reverse"]),
  comment: z.string().trim().min(3, "a decision needs a comment (at least 3 characters)").max(1000),
});
export const appealListQuerySchema = z.strictObject({ status: z.enum(["OPEN", "UPHELD", "REVERSED"]).optional() });
