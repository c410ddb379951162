// Issue 10 §3: a fitted model is a CANDIDATE until a second person approves it. Whoever fitted it
// may not decide it (403), only MANAGER/ADMIN may (permission), a decided candidate cannot be
// decided again (409); approval activates it, retires the old model and its re-score job
// re-scores the latest month with it (Score rows and the state follow). Audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { ApiError } from "@/lib/api/errors";
import { actorCan } from "@/features/auth/permissions";
import { loadModel } from "@/features/scoring/model-types";
import { createCandidate, decideCandidate, startCandidateFit } from "@/features/model/mutations";
import { FIT_JOB, FIT_STEPS, RESCORE_JOB } from "@/features/model/candidates";
import { portfolioForFit } from "@/features/model/data";
import "@/features/model/fit-job";
import { jobHandler } from "@/features/jobs/registry";
import { getJob } from "@/features/jobs/data";
import "@/features/model/rescore-job";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };

describe(`model candidates and second-person approval (${backend})`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 400, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  });
  afterAll(async () => {
    await closeQueue();
    await closeAppDb(db);
  });

  const refit = () => ({ ...loadModel(), basePoints: loadModel().basePoints - 40 }); // a model that scores everyone 40 points lower

  it("only MANAGER and ADMIN hold model:approve", () => {
    expect(["ANALYST", "MANAGER", "ADMIN", "AUDITOR"].map((role) => actorCan({ role }, "model:approve"))).toEqual([false, true, true, false]);
  });

  it("the fitter may not approve; another manager activates it and the latest month is re-scored by job", async () => {
    const prisma = await getPrisma();
    const old = (await prisma.scoreModel.findFirstOrThrow({ where: { active: true } })).version;
    const before = await prisma.score.findMany({ where: { month: "2005-09" }, orderBy: { borrowerId: "asc" }, select: { borrowerId: true, score: true } });
    await createCandidate(refit(), "v-test+1", u.manager);
    expect((await prisma.scoreModel.findUniqueOrThrow({ where: { version: "v-test+1" } })).status).toBe("CANDIDATE");

    const own = await decideCandidate("v-test+1", "approve", u.manager, null).catch((e) => e);
    expect(own).toBeInstanceOf(ApiError);
    expect(own.status).toBe(403);
    expect((await prisma.scoreModel.findFirstOrThrow({ where: { active: true } })).version).toBe(old);

    const done = await decideCandidate("v-test+1", "approve", u.manager2, "checked the CV report");
    expect([done.status, done.retired]).toEqual(["ACTIVE", [old]]);
    const models = await prisma.scoreModel.findMany({ orderBy: { version: "asc" }, select: { version: true, status: true, active: true } });
    expect(models).toEqual([{ version: old, status: "RETIRED", active: false }, { version: "v-test+1", status: "ACTIVE", active: true }].sort((a, b) => a.version.localeCompare(b.version)));
    const again = await decideCandidate("v-test+1", "approve", u.admin, null).catch((e) => e);
    expect(again.status).toBe(409);

    const job = await getJob(done.jobId!);
    expect([job?.kind, job?.status]).toEqual([RESCORE_JOB, "queued"]);
    const result = (await jobHandler(RESCORE_JOB)!({ jobId: done.jobId!, payload: { version: "v-test+1", actor: u.manager2 }, done: 0, total: null, attempt: 1, progress: async () => undefined })) as { month: string; scored: number };
    expect([result.month, result.scored]).toEqual(["2005-09", 400]);
    const after = await prisma.score.findMany({ where: { month: "2005-09" }, orderBy: { borrowerId: "asc" }, select: { borrowerId: true, score: true, modelVersion: true } });
    expect(after.every((s) => s.modelVersion === "v-test+1")).toBe(true);
    expect(after.filter((s, i) => s.score < before[i].score).length).toBeGreaterThan(390); // clamped at 350 for a few
    const states = await prisma.borrowerState.findMany({ orderBy: { borrowerId: "asc" }, select: { score: true } });
    expect(states.map((s) => s.score)).toEqual(after.map((s) => s.score));
    // The older months keep the scores of the model that scored them.
    expect(await prisma.score.count({ where: { month: "2005-08", modelVersion: old } })).toBe(400);
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: { in: ["v-test+1", "2005-09"] } }, orderBy: { seq: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["model.candidate_created", "model.candidate_approved", "scores.recomputed"]);
  });

  it("a rejected candidate stays inactive and cannot be approved later", async () => {
    const prisma = await getPrisma();
    await createCandidate(refit(), "v-test+2", u.analyst);
    const fitterRejects = await decideCandidate("v-test+2", "reject", u.analyst, null).catch((e) => e);
    expect(fitterRejects.status).toBe(403);
    expect((await decideCandidate("v-test+2", "reject", u.admin, "no")).status).toBe("REJECTED");
    expect((await decideCandidate("v-test+2", "approve", u.manager, null).catch((e) => e)).status).toBe(409);
    expect((await prisma.scoreModel.findFirstOrThrow({ where: { active: true } })).version).toBe("v-test+1");
    expect((await createCandidate(refit(), "v-test+2", u.analyst).catch((e) => e)).status).toBe(409);
  });

  it("fitting a candidate is a job (ANALYST/ADMIN hold model:fit; one at a time) that stores a CANDIDATE fitted by the requester, from the portfolio's data", async () => {
    expect(["ANALYST", "MANAGER", "ADMIN", "AUDITOR"].map((role) => actorCan({ role }, "model:fit"))).toEqual([true, false, true, false]);
    const prisma = await getPrisma();
    const records = await portfolioForFit("2005-10");
    expect(records).toHaveLength(400);
    expect(records[0].months.map((m) => m.month)).toEqual(["2005-04", "2005-05", "2005-06", "2005-07", "2005-08", "2005-09"]);
    process.env.DATABASE_URL = db.url; // the fit's child process connects where the server does (npm start sets it)
    const first = await startCandidateFit(u.analyst);
    const second = await startCandidateFit(u.admin);
    expect([first.created, second.created, second.jobId]).toEqual([true, false, first.jobId]);
    expect((await getJob(first.jobId))?.kind).toBe(FIT_JOB);
    const steps: number[] = [];
    const result = (await jobHandler(FIT_JOB)!({ jobId: first.jobId, payload: { actor: u.analyst }, done: 0, total: null, attempt: 1, progress: async (d) => void steps.push(d) })) as { version: string; borrowers: number; trainMaxId: number };
    expect([result.borrowers, result.trainMaxId]).toEqual([400, 320]);
    expect(steps[steps.length - 1]).toBe(FIT_STEPS.length);
    const stored = await prisma.scoreModel.findUniqueOrThrow({ where: { version: result.version } });
    expect([stored.status, stored.active, stored.fittedByEmail]).toEqual(["CANDIDATE", false, u.analyst.email]);
    // Second-person approval as for any candidate: the requester may not decide it.
    expect((await decideCandidate(result.version, "approve", u.analyst, null).catch((e) => e)).status).toBe(403);
    expect(await prisma.auditEvent.count({ where: { action: "model.fit_requested", entityId: first.jobId } })).toBe(1);
  });
});

