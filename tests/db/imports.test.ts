// Issue 10 §1/§5: monthly ingestion on a real database. The seed builds its months through the
// pipeline; with LIMITDESK_SEED_THROUGH=2005-08 (here `through`) September is then uploaded as a
// multipart file and must give exactly the full seed's September. Bad rows change nothing and are
// each listed; the same file twice is "already imported"; a second file for the month is 409
// unless it is a replacement revision; kill -9 inside the import's transaction leaves the month
// as it was, and the re-run applies it whole.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { monthFile } from "@/scripts/seed-files";
import { loadUciCsv } from "@/features/import/csv";
import { getPrisma } from "@/lib/db/client";
import { closeQueue } from "@/lib/db/queue";
import { ApiError } from "@/lib/api/errors";
import { applyImport, receiveImport, submitImport } from "@/features/imports/mutations";
import { decideAdjustment, proposeManual } from "@/features/adjustments/mutations";
import { getImport } from "@/features/imports/data";
import { readUploadedFile } from "@/features/imports/body";
import { jobHandler } from "@/features/jobs/registry";
import "@/features/imports/job";
import { IMPORT_JOB } from "@/features/imports/formats";
import { backend, closeAppDb, openAppDb, pendingBorrowerIds, type TestDb } from "./harness";

const N = 1500;
const SEP = "2005-09";
const admin = { id: null, email: "admin@example.com" };
const rows = loadUciCsv().rows.slice(0, N);
const september = monthFile(rows, 5).content;

async function snapshot() {
  const prisma = await getPrisma();
  const scores = await prisma.score.findMany({ where: { month: SEP }, orderBy: { borrowerId: "asc" } });
  const states = (await prisma.borrowerState.findMany({ orderBy: { borrowerId: "asc" } })).map(({ version: _v, ...s }) => s);
  const summary = await prisma.portfolioSummary.findUnique({ where: { id: 1 } });
  const monitoring = await prisma.modelMonitoring.findMany({ where: { month: SEP }, orderBy: { reference: "asc" }, select: { month: true, reference: true } });
  return { scores, states, tiers: summary?.tiers, tierChanges: summary?.tierChanges, exposure: summary?.exposure, monitoring };
}

async function counts() {
  const prisma = await getPrisma();
  const [statements, scores, version] = await Promise.all([
    prisma.statement.count({ where: { month: SEP } }), prisma.score.count({ where: { month: SEP } }),
    prisma.portfolioVersion.findUnique({ where: { id: 1 } }),
  ]);
  return { statements, scores, version: Number(version?.version ?? 0) };
}

/** Runs the registered import job's handler, as a worker would. */
async function runJob(importId: string) {
  const handler = jobHandler(IMPORT_JOB)!;
  return handler({ jobId: "test", payload: { importId, actor: admin }, done: 0, total: null, attempt: 1, progress: async () => undefined });
}

const csvRequest = (content: Buffer) =>
  new Request("http://localhost/api/v1/imports", { method: "POST", headers: { "content-type": "text/csv" }, body: new Uint8Array(content) });

describe(`monthly ingestion (${backend})`, () => {
  let db: TestDb;
  let full: Awaited<ReturnType<typeof snapshot>>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: N, log: () => undefined });
    full = await snapshot();
    await closeAppDb(db);
    db = await openAppDb();
    process.env.DATABASE_URL = db.url;
    await migrateAndSeed({ limitRows: N, through: "2005-08", log: () => undefined });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await closeQueue();
    await closeAppDb(db);
  });

  it("the full seed went through the pipeline: six statement months, four scored, one state row each", async () => {
    expect(full.scores).toHaveLength(N);
    expect(full.states).toHaveLength(N);
    expect(full.monitoring.map((m) => m.reference)).toEqual(["2005-06", "2005-07", "2005-08"]);
    const prisma = await getPrisma();
    expect(await prisma.dataImport.count({ where: { source: "seed", status: "SUCCEEDED" } })).toBe(7); // borrowers, outcomes, Apr…Aug
  });

  it("a file with bad rows imports nothing and lists every bad row", async () => {
    const before = await counts();
    const lines = september.toString().trimEnd().split("\n");
    lines[3] = lines[3].replace(/,-?\d+$/, ",12"); // status out of range
    lines[5] = lines[5].replace(SEP, "2005-13"); // not a month
    lines[7] = lines[2]; // duplicate borrower
    const bad = Buffer.from(lines.join("\n") + "\n");
    const r = await submitImport({ content: bad, source: "api", actor: admin });
    await runJob(r.id);
    const view = (await getImport(r.id))!;
    expect(view.status).toBe("FAILED");
    expect(view.errors).toEqual([
      { line: 4, column: "repayment_status", message: "must be between -2 and 9 (got 12)" },
      { line: 6, column: "month", message: 'must be a month as YYYY-MM (got "2005-13")' },
      { line: 8, column: "borrower_id", message: "duplicate borrower_id 2 (first on line 3)" },
    ]);
    expect([view.errorCount, view.rows, view.month]).toEqual([3, N, SEP]);
    expect(await counts()).toEqual(before);
  });

  it("rows that disagree with the portfolio (unknown borrower, a limit that is not the current one) import nothing", async () => {
    const before = await counts();
    const lines = september.toString().trimEnd().split("\n");
    lines[2] = lines[2].replace(/^(\d+),(2005-09),(\d+),/, (_m, id, mo, lim) => `${id},${mo},${Number(lim) + 1000},`);
    lines.push(`999999,${SEP},50000,100,0,0`);
    const r = await receiveImport({ content: Buffer.from(lines.join("\n") + "\n"), source: "cli", actor: admin });
    expect((await applyImport(r.id)).status).toBe("FAILED");
    const view = (await getImport(r.id))!;
    expect(view.errors.map((e) => [e.line, e.column])).toEqual([[3, "limit"], [N + 2, "borrower_id"]]);
    expect(view.errors[0].message).toMatch(/differs from the current limit/);
    expect(await counts()).toEqual(before);
  });

  it("September uploaded after a seed through August equals the full seed's September", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(september)], { type: "text/csv" }), "statements-2005-09.csv");
    const file = await readUploadedFile(new Request("http://localhost/api/v1/imports", { method: "POST", body: form }));
    const r = await submitImport({ content: file.content, source: "upload", fileName: file.fileName, actor: admin });
    expect(r.alreadyImported).toBe(false);
    expect(r.jobId).toMatch(/^[0-9a-f-]{36}$/);
    const outcome = (await runJob(r.id)) as { status: string; result: { scored: number; riskier: number; safer: number } };
    expect(outcome.status).toBe("SUCCEEDED");
    const mine = await snapshot();
    expect(mine.scores).toEqual(full.scores);
    expect(mine.states).toEqual(full.states);
    expect([mine.tiers, mine.tierChanges, mine.exposure]).toEqual([full.tiers, full.tierChanges, full.exposure]);
    expect(mine.monitoring).toEqual(full.monitoring);
    expect(outcome.result.scored).toBe(N);
    expect(outcome.result.riskier).toBe(full.scores.filter((s) => s.tierChange === 1).length);
  });

  it("the same file twice is 'already imported'; another file for the month is 409", async () => {
    const before = await counts();
    const again = await submitImport({ content: (await readUploadedFile(csvRequest(september))).content, source: "api", actor: admin });
    expect(again.alreadyImported).toBe(true);
    expect(again.status).toBe("SUCCEEDED");
    const other = Buffer.from(september.toString().replace(/\n(1,2005-09,\d+,)(-?\d+)/, (_m, head, bill) => `\n${head}${Number(bill) + 1}`));
    const err = await submitImport({ content: other, source: "api", actor: admin }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/2005-09 is already imported/);
    expect(await counts()).toEqual(before);
  });

  it("kill -9 inside a replacement revision leaves September as it was; the re-run applies the revision whole, audited", async () => {
    const prisma = await getPrisma();
    // The revision: borrower 1's September bill becomes its limit.
    const changed = Buffer.from(september.toString().replace(/\n1,2005-09,(\d+),(-?\d+),/, (_m, limit) => `\n1,2005-09,${limit},${limit},`));
    expect(changed.equals(september)).toBe(false);
    const r = await receiveImport({ content: changed, source: "api", replacement: true, actor: admin });
    const before = await snapshot();

    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join("tests", "db", "fixtures", "import-paused.ts"), r.id, "monitoring"], {
      env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "test" }, stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stderr?.on("data", (d) => process.stderr.write(`[import ${child.pid}] ${d}`));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (d) => String(d).includes("paused at monitoring") && resolve());
      child.once("exit", (code) => reject(new Error(`import child exited early (${code})`)));
    });
    child.kill("SIGKILL");
    await new Promise((r2) => child.once("exit", r2));

    expect(await snapshot()).toEqual(before);
    expect((await getImport(r.id))!.status).toBe("QUEUED");
    // The restart (the sweep re-queues the job; here: the handler runs again).
    expect(((await runJob(r.id)) as { status: string }).status).toBe("SUCCEEDED");
    const after = await snapshot();
    const limit = after.states.find((s) => s.borrowerId === 1)!.limit;
    expect(after.states.find((s) => s.borrowerId === 1)!.balance).toBe(limit);
    expect(after.scores).toHaveLength(N);
    const revisions = await prisma.dataImport.findMany({ where: { kind: "STATEMENTS", month: SEP, status: { in: ["SUCCEEDED", "SUPERSEDED"] } }, orderBy: { revision: "asc" } });
    expect(revisions.map((x) => [x.revision, x.status, x.replacement])).toEqual([[1, "SUPERSEDED", false], [2, "SUCCEEDED", true]]);
    expect(await prisma.auditEvent.count({ where: { action: "import.applied", entityId: r.id } })).toBe(1);
    // Only the latest month can be replaced.
    const aug = await receiveImport({ content: monthFile(rows, 4).content.subarray(0), source: "api", actor: admin }).catch((e) => e);
    expect(aug.alreadyImported).toBe(true);
  });
  it("a borrowers file adds new borrowers (an existing id refuses the file); an outcomes file records outcomes and refreshes the monitoring", async () => {
    const prisma = await getPrisma();
    const dup = await receiveImport({ content: Buffer.from("borrower_id,sex,education,marriage,age\n5,1,2,1,40\n900001,2,1,2,30\n"), source: "api", actor: admin });
    expect((await applyImport(dup.id)).status).toBe("FAILED");
    expect((await getImport(dup.id))!.errors).toEqual([{ line: 2, column: "borrower_id", message: "borrower 5 already exists" }]);
    expect(await prisma.borrower.count({ where: { id: 900001 } })).toBe(0);
    const ok = await receiveImport({ content: Buffer.from("borrower_id,sex,education,marriage,age\n900001,2,1,2,30\n"), source: "api", actor: admin });
    expect(await applyImport(ok.id)).toEqual({ status: "SUCCEEDED", result: { borrowersAdded: 1 } });
    const flipped = rows[0].outcome === 1 ? 0 : 1;
    const out = await receiveImport({ content: Buffer.from(`borrower_id,month,defaulted\n1,2005-10,${flipped}\n`), source: "api", actor: admin });
    expect(await applyImport(out.id)).toEqual({ status: "SUCCEEDED", result: { outcomesRecorded: 1, outcomeMonth: "2005-10", monitoringRecomputedFor: SEP } });
    expect((await prisma.borrower.findUniqueOrThrow({ where: { id: 1 } })).outcome).toBe(flipped);
    expect(await prisma.auditEvent.count({ where: { action: "monitoring.stored", entityId: { contains: `${SEP}/2005-06` } } })).toBe(3); // the upload, the revision, the outcomes
  });

  it("a replacement revision marks pending adjustments of re-scored borrowers stale (approve → 409) and supersedes their scheduled changes, audited", async () => {
    const prisma = await getPrisma();
    const user = async (email: string) => {
      const u = await prisma.user.findUniqueOrThrow({ where: { email } });
      return { id: u.id, email: u.email, role: u.role };
    };
    const [analyst, manager] = [await user("analyst@example.com"), await user("manager@example.com")];
    const [a, b, c] = await prisma.borrowerState.findMany({ where: { borrowerId: { notIn: await pendingBorrowerIds() }, limit: { gte: 100_000 } }, orderBy: { borrowerId: "asc" }, take: 3 });
    const cut = (s: { borrowerId: number; limit: number }) => ({ borrowerId: s.borrowerId, newLimit: s.limit - 10_000, reason: "Desk review of the September statement" });
    const adjA = await proposeManual(cut(a), { actor: analyst });
    const adjB = await proposeManual(cut(b), { actor: analyst });
    const adjC = await proposeManual(cut(c), { actor: analyst });
    const scheduled = (await decideAdjustment(adjC.id, "APPROVE", undefined, { actor: manager })).limitChange!;
    expect(scheduled.status).toBe("SCHEDULED");

    // Revision 3 of September: A and C are 8 months late (their scores fall); B's row is unchanged.
    const current = await prisma.dataImport.findFirstOrThrow({ where: { kind: "STATEMENTS", month: SEP, status: "SUCCEEDED" } });
    const late = new Set([a.borrowerId, c.borrowerId]);
    const revised = Buffer.from(Buffer.from(current.content).toString().split("\n")
      .map((l) => (late.has(Number(l.split(",")[0])) ? [...l.split(",").slice(0, 5), "8"].join(",") : l)).join("\n"));
    const r = await receiveImport({ content: revised, source: "api", replacement: true, actor: admin });
    const outcome = await applyImport(r.id, admin);
    expect(outcome).toMatchObject({ status: "SUCCEEDED", result: { staleAdjustments: 1, supersededChanges: 1 } });

    const staleA = await prisma.adjustment.findUniqueOrThrow({ where: { id: adjA.id } });
    expect(staleA).toMatchObject({ status: "PENDING", staleReason: expect.stringMatching(/^revision 3 of the 2005-09 statements re-scored the borrower \(score \d+ → \d+\)$/) });
    const err = await decideAdjustment(adjA.id, "APPROVE", undefined, { actor: manager }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/scores that no longer hold/);
    expect(await prisma.adjustment.findUniqueOrThrow({ where: { id: adjA.id } })).toMatchObject({ status: "PENDING", approvalCount: 0 });
    // B's proposal was computed on scores the revision did not change: it goes through.
    expect((await decideAdjustment(adjB.id, "APPROVE", undefined, { actor: manager })).adjustment).toMatchObject({ status: "APPROVED", stale: false });

    expect((await prisma.limitChange.findUniqueOrThrow({ where: { id: scheduled.id } })).status).toBe("SUPERSEDED");
    expect(await prisma.borrowerNotice.count({ where: { limitChangeId: scheduled.id, kind: "CANCELLATION" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "adjustment.stale", entityId: adjA.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "limit_change.superseded", entityId: scheduled.id } })).toBe(1);
    expect((await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId: c.borrowerId } })).limit).toBe(c.limit);
  });
});

