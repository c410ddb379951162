import { z } from "zod";

export const feedQuerySchema = z.strictObject({
  after: z.string().regex(/^\d{1,12}$/, "must be a cursor returned by this feed (digits)").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});
