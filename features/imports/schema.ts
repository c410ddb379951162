// The imports API's shapes (issue 10 §1).
import { z } from "zod";

export const importIdParamsSchema = z.strictObject({ id: z.string().regex(/^[a-z0-9]{20,40}$/, "not an import id") });

/** POST /api/v1/imports?replace=true sends the file as a replacement revision of its month. */
export const importQuerySchema = z.strictObject({
  replace: z.enum(["true", "false"]).optional(),
  fileName: z.string().max(200).regex(/^[^\u0000-\u001f]*$/, "no control characters").optional(),
});

export const importStartedSchema = z.object({
  importId: z.string(),
  jobId: z.string().nullable(),
  status: z.string(),
  alreadyImported: z.boolean(),
  message: z.string(),
});

export const importResponseSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["QUEUED", "SUCCEEDED", "FAILED", "SUPERSEDED"]),
  month: z.string().nullable(),
  rows: z.number().int(),
  revision: z.number().int(),
  replacement: z.boolean(),
  source: z.string(),
  fileName: z.string().nullable(),
  bytes: z.number().int(),
  checksum: z.string(),
  jobId: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.unknown().nullable(),
  /** Every bad row, up to the first 1,000; errorCount is the full count. */
  errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
  errorCount: z.number().int(),
  errorsTruncated: z.boolean(),
});
export type ImportView = z.infer<typeof importResponseSchema>;

/** Largest accepted file: a 1 M-borrower month is ~40 MB. */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;
