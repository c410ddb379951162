import { z } from "zod";

export const createTokenSchema = z.strictObject({
  name: z.string().trim().min(3, "must be at least 3 characters").max(60),
  scope: z.literal("limit-changes:read").default("limit-changes:read"),
});
