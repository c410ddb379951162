import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { monitoringQuerySchema } from "@/features/monitoring/schema";
import { getMonitoringReport, monitoringIndex } from "@/features/monitoring/data";

// Reads the stored report (computed when the month was scored); never computes over the portfolio.
export const GET = apiRoute({
  permission: "model:read",
  summary: "Stored monitoring report of a month against a reference month: PSI, CSI per bin, performance, calibration, tier mix, alerts",
  query: monitoringQuerySchema,
}, async ({ query }) => {
  const report = await getMonitoringReport(query.month, query.reference);
  if (!report) {
    const what = query.month ? `Monitoring report for ${query.month}${query.reference ? ` against ${query.reference}` : ""}` : "Monitoring report";
    throw notFound(what);
  }
  return { ...report, available: await monitoringIndex() };
});
