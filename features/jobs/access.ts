// Who may read a job: whoever holds the permission of the action that started it.
import { actorCan, type Permission } from "@/features/auth/permissions";
import { ApiError, notFound } from "@/lib/api/errors";

export function assertCanReadJob<J extends { permission: string }>(job: J | null, caller: { role: string; scope?: string | null }): J {
  if (!job) throw notFound("Job");
  if (!actorCan(caller, job.permission as Permission)) {
    throw new ApiError(403, `Reading this job needs the permission "${job.permission}" (the one that started it).`);
  }
  return job;
}
