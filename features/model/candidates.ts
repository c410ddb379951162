// Shapes of model candidates (pure): the job kind of the re-score and the version a candidate gets.
import { z } from "zod";

/** Re-scores the latest month with the newly active model (rescore-job.ts). */
export const RESCORE_JOB = "model.rescore";
/** Fits a candidate from the portfolio's data (fit-job.ts); one at a time (the same kind + key). */
export const FIT_JOB = "model.fit";
export const FIT_STEPS = ["loading the portfolio", "fitting", "cross-validating", "storing the candidate"] as const;

export const fitStartedSchema = z.object({ jobId: z.string(), created: z.boolean(), message: z.string() });

/** A candidate's version: the fit's version + when it was fitted (UTC), so a re-fit never collides. */
export function candidateVersion(fitted: string, at: Date): string {
  return `${fitted}+${at.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", ".")}`;
}

export const candidateView = z.object({
  version: z.string(),
  status: z.enum(["CANDIDATE", "ACTIVE", "RETIRED", "REJECTED"]),
  auc: z.number(),
  ks: z.number(),
  cvAuc: z.number().nullable(),
  fittedByEmail: z.string().nullable(),
  decidedByEmail: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CandidateView = z.infer<typeof candidateView>;
