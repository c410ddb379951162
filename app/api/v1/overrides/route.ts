import { apiRoute } from "@/lib/api/route";
import { csvResponse, toCsv } from "@/lib/csv";
import { overrideReportQuerySchema } from "@/features/overrides/schema";
import { getOverrideReport } from "@/features/overrides/data";
import { REPORT_COLUMNS, reportRows } from "@/features/overrides/report";

export const GET = apiRoute(
  { permission: "portfolio:read", summary: "Override report: override rate by proposer, tier and month, with the outcomes of overridden borrowers (format=csv)", query: overrideReportQuerySchema },
  async ({ query }) => {
    const report = await getOverrideReport();
    return query.format === "csv" ? csvResponse(toCsv(reportRows(report), REPORT_COLUMNS), "override-report.csv") : report;
  },
);
