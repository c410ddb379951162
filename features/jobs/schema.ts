// The job API's shapes: what GET /api/v1/jobs/{id} answers and what the progress component reads.
import { z } from "zod";

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobIdParamsSchema = z.strictObject({ id: z.uuid() });

export const jobResponseSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  done: z.number().int(),
  /** null until the job knows how much work there is. */
  total: z.number().int().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  result: z.unknown().optional(),
  error: z.string().optional(),
});
export type JobResponse = z.infer<typeof jobResponseSchema>;

/** What POST routes that start a job answer (202). */
export const jobStartedSchema = z.object({ jobId: z.string() });
