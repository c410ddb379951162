import { z } from "zod";
import { INT32_MAX, queryInt32 } from "@/lib/api/input";

export const feedQuerySchema = z.strictObject({
  // The cursor is a LimitChange.seq (an Int): more digits than int32 holds is a 400, not a 500.
  after: z
    .string()
    .regex(/^\d{1,10}$/, "must be a cursor returned by this feed (digits)")
    .refine((s) => Number(s) <= INT32_MAX, "must be a cursor returned by this feed")
    .optional(),
  limit: queryInt32().min(1).max(1000).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});
