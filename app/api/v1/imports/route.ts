import { apiRoute, json } from "@/lib/api/route";
import { importQuerySchema, importResponseSchema, importStartedSchema } from "@/features/imports/schema";
import { submitImport } from "@/features/imports/mutations";
import { listImports } from "@/features/imports/data";
import { IMPORT_BODY_TYPES, readUploadedFile } from "@/features/imports/body";
import { z } from "zod";

export const POST = apiRoute({
  permission: "data:import",
  summary: "Upload a data file (monthly statements, borrowers or outcomes) as a text/csv body or a multipart field \"file\": 202 { importId, jobId }; the same file again answers 200 \"already imported\"; a second file for an imported month is 409 unless replace=true",
  query: importQuerySchema,
  fileBody: IMPORT_BODY_TYPES,
  response: importStartedSchema,
}, async ({ request, query, actor, requestId, ip }) => {
  const file = await readUploadedFile(request);
  const replacement = file.replace ?? query.replace === "true";
  const r = await submitImport({
    content: file.content, source: file.fileName ? "upload" : "api", fileName: file.fileName ?? query.fileName ?? null, replacement,
    actor: { id: actor.id, email: actor.email }, requestId, ip,
  });
  const message = r.alreadyImported ? `already imported (import ${r.id}, ${r.status})` : `received; import job ${r.jobId} started`;
  return json({ importId: r.id, jobId: r.jobId, status: r.status, alreadyImported: r.alreadyImported, message }, { status: r.alreadyImported ? 200 : 202, requestId });
});

export const GET = apiRoute({
  permission: "data:import",
  summary: "The 20 latest data imports, newest first",
  response: z.object({ items: z.array(importResponseSchema) }),
}, async () => ({ items: await listImports() }));
