import { z } from "zod";
import { safeText } from "@/lib/api/input";

export const createTokenSchema = z.strictObject({
  name: safeText().trim().min(3, "must be at least 3 characters").max(60),
  scope: z.literal("limit-changes:read").default("limit-changes:read"),
});
