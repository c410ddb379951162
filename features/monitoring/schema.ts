import { z } from "zod";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM");

/** GET /api/v1/monitoring: both optional; month defaults to the latest stored, reference to the pinned one. */
export const monitoringQuerySchema = z.strictObject({ month: month.optional(), reference: month.optional() });
export type MonitoringQuery = z.infer<typeof monitoringQuerySchema>;
