import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { importIdParamsSchema, importResponseSchema } from "@/features/imports/schema";
import { getImport } from "@/features/imports/data";

export const GET = apiRoute({
  permission: "data:import",
  summary: "One data import: status, month, rows and every bad row (line, column, message; the first 1,000 — errorCount is the full count)",
  params: importIdParamsSchema,
  response: importResponseSchema,
}, async ({ params }) => {
  const imp = await getImport(params.id);
  if (!imp) throw notFound("Import");
  return imp;
});
