// Model versions with separated duties (issue 10 §3): a fitted model is stored as a CANDIDATE;
// a MANAGER/ADMIN other than the person who fitted it approves it (→ ACTIVE, the previous model
// RETIRED, in one conditional transaction) or rejects it; activation then re-scores the latest
// month by job. Every step is audited.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/features/audit/mutations";
import { enqueueJob } from "@/features/jobs/mutations";
import type { ScoreModel } from "@/features/scoring/model-types";
import { FIT_JOB, RESCORE_JOB } from "./candidates";

type Actor = { id: string | null; email: string | null };

/** Stores `model` as a CANDIDATE under `version` (its JSON's version is set to it too). */
export async function createCandidate(model: ScoreModel, version: string, fittedBy: Actor) {
  const prisma = await getPrisma();
  const stored = { ...model, version };
  return prisma.$transaction(async (tx) => {
    if (await tx.scoreModel.findUnique({ where: { version }, select: { version: true } })) throw new ApiError(409, `Model version ${version} exists already.`);
    await tx.scoreModel.create({
      data: {
        version, model: stored as unknown as Prisma.InputJsonValue, auc: model.holdout.auc, ks: model.holdout.ks, gini: model.holdout.gini,
        active: false, status: "CANDIDATE", fittedById: fittedBy.id, fittedByEmail: fittedBy.email,
      },
    });
    await recordAudit(tx, {
      actor: fittedBy, action: "model.candidate_created", entityType: "ScoreModel", entityId: version,
      after: { version, auc: model.holdout.auc, ks: model.holdout.ks, cvAuc: model.validation?.cv.auc ?? null },
    });
    return { version, status: "CANDIDATE" };
  });
}

export type Decision = "approve" | "reject";

/**
 * Approve (activate) or reject a candidate. 403 for the person who fitted it; 409 when it is no
 * longer a candidate (two approvers at once: one wins). Approval enqueues the re-score job.
 */
export async function decideCandidate(version: string, decision: Decision, actor: Actor, comment: string | null, ctx: { requestId?: string | null; ip?: string | null } = {}) {
  const prisma = await getPrisma();
  const decided = await prisma.$transaction(async (tx) => {
    const c = await tx.scoreModel.findUnique({ where: { version }, select: { status: true, fittedById: true, fittedByEmail: true } });
    if (!c) throw new ApiError(404, `Model version ${version} not found`);
    if (c.status !== "CANDIDATE") throw new ApiError(409, `Model version ${version} is ${c.status}, not a candidate.`);
    const same = (actor.id && c.fittedById === actor.id) || (actor.email && c.fittedByEmail?.toLowerCase() === actor.email.toLowerCase());
    if (same) throw new ApiError(403, "Separated duties: whoever fitted a model may not approve or reject it.");
    const decidedFields = { decidedById: actor.id, decidedByEmail: actor.email, decidedAt: new Date(), decisionComment: comment };
    const won = await tx.scoreModel.updateMany({
      where: { version, status: "CANDIDATE" },
      data: decision === "approve" ? { status: "ACTIVE", active: true, ...decidedFields } : { status: "REJECTED", ...decidedFields },
    });
    if (won.count !== 1) throw new ApiError(409, `Model version ${version} was decided by someone else meanwhile.`);
    let retired: string[] = [];
    if (decision === "approve") {
      const old = await tx.scoreModel.findMany({ where: { active: true, version: { not: version } }, select: { version: true } });
      retired = old.map((o) => o.version);
      await tx.scoreModel.updateMany({ where: { version: { in: retired } }, data: { active: false, status: "RETIRED" } });
    }
    await recordAudit(tx, {
      actor, action: decision === "approve" ? "model.candidate_approved" : "model.candidate_rejected", entityType: "ScoreModel", entityId: version,
      before: { status: "CANDIDATE", fittedBy: c.fittedByEmail }, after: { status: decision === "approve" ? "ACTIVE" : "REJECTED", retired, comment },
      requestId: ctx.requestId, ip: ctx.ip,
    });
    return { version, status: decision === "approve" ? "ACTIVE" : "REJECTED", retired };
  });
  if (decision !== "approve") return { ...decided, jobId: null };
  const job = await enqueueJob({ kind: RESCORE_JOB, key: "latest", payload: { version, actor }, actor, permission: "model:read" });
  return { ...decided, jobId: job.jobId };
}

/**
 * Starts the candidate fit job for `actor` (permission model:fit); one at a time: while one is
 * queued or running, the same job is answered (`created: false`). Audited.
 */
export async function startCandidateFit(actor: { id: string; email: string }, ctx: { requestId?: string | null; ip?: string | null } = {}) {
  const job = await enqueueJob({ kind: FIT_JOB, key: "candidate", payload: { actor }, actor, permission: "model:fit" });
  if (job.created) {
    const prisma = await getPrisma();
    await prisma.$transaction((tx) => recordAudit(tx, { actor, action: "model.fit_requested", entityType: "Job", entityId: job.jobId, after: { kind: FIT_JOB }, requestId: ctx.requestId, ip: ctx.ip }));
  }
  return job;
}
