// Receiving and applying data files (issue 10 §1–2). A file is stored as received, then applied by
// `applyImport` in ONE transaction: validation, the month's statements, its scores, the state,
// the summary and the month's monitoring commit together or not at all (kill -9 mid-import rolls
// everything back; the job is re-run by the sweep and finds the import still QUEUED).
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { bulkInsert } from "@/lib/db/bulk";
import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/features/audit/mutations";
import { bumpPortfolioVersion, initBorrowerStates, refreshPortfolioSummary } from "@/features/borrowers/mutations";
import { harmonisedDelayCtes } from "@/features/borrowers/delay-sql";
import type { ScoreModel } from "@/features/scoring/model-types";
import type { PolicyConfig, Tier } from "@/features/policy/schema";
import { buildMonthReportsInTx, writeMonitoringReports } from "@/features/monitoring/mutations";
import { emptyBins } from "@/features/monitoring/aggregate";
import { enqueueJob } from "@/features/jobs/mutations";
import { recheckAfterRescore } from "@/features/limit-changes/mutations";
import { HEADERS, IMPORT_JOB, isMonth, kindOfHeader, type ImportKind, type RowError } from "./formats";
import { validateFile, type ParsedFile } from "./validate";
import { scoreMonth } from "./score-month";
import { monthsBack } from "./month-monitoring";

type Actor = { id: string | null; email: string | null } | null;
export type ImportSource = "upload" | "api" | "cli" | "seed";
export type ReceiveInput = { content: Buffer; source: ImportSource; fileName?: string | null; replacement?: boolean; actor: Actor; requestId?: string | null; ip?: string | null };
export type Received = { id: string; kind: ImportKind | null; month: string | null; status: string; jobId: string | null; alreadyImported: boolean };

// Serialises receivers so two files for one month cannot both pass the "already imported" check.
const RECEIVE_LOCK = 7_310_530;

/** The header and the first row's month, read from the file's start (the job validates it all). */
function peek(content: Buffer): { kind: ImportKind | null; month: string | null } {
  const lines = content.subarray(0, 64 * 1024).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim());
  const kind = lines[0] ? kindOfHeader(lines[0].split(",")) : null;
  const at = kind ? HEADERS[kind].indexOf("month") : -1;
  const month = at >= 0 ? (lines[1]?.split(",")[at]?.trim() ?? null) : null;
  return { kind, month: month && isMonth(month) ? month : null };
}

/**
 * Stores a received file (QUEUED). The same bytes again → the first import ("already imported").
 * A statements file for a month already imported (or being imported) → 409 unless it is sent as
 * a replacement revision; a replacement only replaces the latest month (later months were scored
 * on it), and a month before the latest imported one is refused.
 */
export async function receiveImport(input: ReceiveInput): Promise<Received> {
  const checksum = createHash("sha256").update(input.content).digest("hex");
  const { kind, month } = peek(input.content);
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${RECEIVE_LOCK})`);
    const same = await tx.dataImport.findUnique({ where: { checksum }, select: { id: true, kind: true, month: true, status: true, jobId: true } });
    if (same) return { ...same, kind: same.kind as ImportKind, alreadyImported: true };
    let revision = 1;
    if (kind === "STATEMENTS" && month) {
      const active = await tx.dataImport.findFirst({ where: { kind, month, status: { in: ["QUEUED", "SUCCEEDED"] } }, orderBy: { createdAt: "desc" } });
      const [{ latest }] = await tx.$queryRaw<Array<{ latest: string | null }>>`SELECT max("month") AS latest FROM "Statement"`;
      if (active?.status === "QUEUED") throw new ApiError(409, `A file for ${month} is being imported (import ${active.id}); wait for it to finish.`);
      if (!input.replacement && active) {
        throw new ApiError(409, `${month} is already imported (import ${active.id}). To replace it, send the file as a replacement revision (replace=true).`, undefined, { importId: active.id });
      }
      if (input.replacement && !active) throw new ApiError(409, `${month} has not been imported: there is nothing to replace; send it without replace.`);
      if (input.replacement && latest && month < latest) throw new ApiError(409, `Only the latest month (${latest}) can be replaced: later months were scored on ${month}.`);
      if (!input.replacement && latest && month < latest) throw new ApiError(409, `${month} is before the latest imported month (${latest}); months are imported in order.`);
      if (active) revision = active.revision + 1;
    }
    const created = await tx.dataImport.create({
      data: {
        kind: kind ?? "UNKNOWN", month, checksum, status: "QUEUED", replacement: Boolean(input.replacement), revision, source: input.source,
        fileName: input.fileName?.slice(0, 200) ?? null, bytes: input.content.length, content: new Uint8Array(input.content),
        createdById: input.actor?.id ?? null, createdByEmail: input.actor?.email ?? null,
      },
    });
    await recordAudit(tx, {
      actor: input.actor, action: "import.received", entityType: "DataImport", entityId: created.id, requestId: input.requestId, ip: input.ip,
      after: { kind: created.kind, month, bytes: created.bytes, checksum, source: input.source, replacement: created.replacement, revision },
    });
    return { id: created.id, kind, month, status: created.status, jobId: null, alreadyImported: false };
    // Storing a 1 M-row file (36 MB) once took 155 s on the loaded machine.
  }, { timeout: 600_000, maxWait: 60_000 });
}

/** Receives a file and starts its import job (the API and the upload page): `created` false = already imported. */
export async function submitImport(input: ReceiveInput): Promise<Received> {
  const received = await receiveImport(input);
  if (received.alreadyImported || received.jobId) return received;
  const job = await enqueueJob({
    kind: IMPORT_JOB, key: received.id, payload: { importId: received.id, actor: input.actor }, actor: input.actor, permission: "data:import",
  });
  const prisma = await getPrisma();
  await prisma.dataImport.updateMany({ where: { id: received.id, jobId: null }, data: { jobId: job.jobId } });
  return { ...received, jobId: job.jobId };
}

const revisionOf = async (tx: Prisma.TransactionClient, importId: string) =>
  (await tx.dataImport.findUniqueOrThrow({ where: { id: importId }, select: { revision: true } })).revision;

/**
 * How long a month's apply (or re-score) transaction may run (`LIMITDESK_IMPORT_TIMEOUT_MIN`, minutes).
 * A month is all or nothing, so it is one transaction; at 1 M borrowers on the loaded 2-core machine
 * it took 27 min and once passed the former 30-min limit mid-state-update and rolled back. The limit
 * only guards against a hung transaction; 10 M borrowers need hours.
 */
const MONTH_TX_TIMEOUT = Math.max(1, Number(process.env.LIMITDESK_IMPORT_TIMEOUT_MIN) || 240) * 60_000;

/** Thrown inside the apply transaction to roll it back with the rows that made it fail. */
class RowsRejected extends Error {
  rows = 0;
  constructor(readonly errors: RowError[], readonly errorCount: number) {
    super(`${errorCount} bad row(s)`);
  }
}

export type ApplyProgress = (step: string) => void | Promise<void>;

/** Validates and applies a QUEUED import; returns its final status and result. Idempotent per import. */
export async function applyImport(importId: string, actor: Actor = null, progress: ApplyProgress = () => {}) {
  const prisma = await getPrisma();
  try {
    return await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ status: string; kind: string; month: string | null; content: Uint8Array; replacement: boolean }>>`
        SELECT "status", "kind", "month", "content", "replacement" FROM "DataImport" WHERE "id" = ${importId} FOR UPDATE`;
      const imp = rows[0];
      if (!imp) throw new Error(`import ${importId} not found`);
      if (imp.status !== "QUEUED") return { status: imp.status, result: null };
      await progress("validating");
      const parsed = await validateFile(Buffer.from(imp.content));
      const result = await (async () => {
        if (parsed.errorCount > 0) throw new RowsRejected(parsed.errors, parsed.errorCount);
        return applyParsed(tx, importId, parsed, imp.replacement, actor, progress);
      })().catch((e) => {
        if (e instanceof RowsRejected) e.rows = parsed.rows; // the GET answer says how many rows the refused file had
        throw e;
      });
      await tx.dataImport.update({ where: { id: importId }, data: { status: "SUCCEEDED", kind: parsed.kind!, month: parsed.month, rows: parsed.rows, result, finishedAt: new Date() } });
      await recordAudit(tx, { actor, action: "import.applied", entityType: "DataImport", entityId: importId, after: { kind: parsed.kind, month: parsed.month, rows: parsed.rows, ...result } });
      return { status: "SUCCEEDED", result };
    }, { timeout: MONTH_TX_TIMEOUT, maxWait: 60_000 });
  } catch (err) {
    if (!(err instanceof RowsRejected)) throw err;
    // Nothing of the file was applied (the transaction rolled back); record why, every row listed.
    await prisma.$transaction(async (tx) => {
      const done = await tx.dataImport.updateMany({
        where: { id: importId, status: "QUEUED" },
        data: { status: "FAILED", rows: err.rows, errors: err.errors as unknown as Prisma.InputJsonValue, errorCount: err.errorCount, finishedAt: new Date() },
      });
      if (done.count) await recordAudit(tx, { actor, action: "import.rejected", entityType: "DataImport", entityId: importId, after: { errorCount: err.errorCount } });
    });
    return { status: "FAILED", result: { errorCount: err.errorCount } };
  }
}

async function applyParsed(tx: Prisma.TransactionClient, importId: string, f: ParsedFile, replacement: boolean, actor: Actor, progress: ApplyProgress) {
  if (f.kind === "BORROWERS") return applyBorrowers(tx, f);
  if (f.kind === "OUTCOMES") return applyOutcomes(tx, f, actor);
  return applyStatements(tx, importId, f, replacement, actor, progress);
}

const c = (f: ParsedFile, name: string) => f.columns[name];

/** Copies the parsed columns into the temporary table "_import", STAGE_CHUNK rows per statement, one int[] per column (no row objects). */
async function stage(tx: Prisma.TransactionClient, f: ParsedFile, columns: Record<string, string>, names: string[]) {
  await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "_import"`);
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE "_import" (${Object.entries(columns).map(([k, t]) => `"${k}" ${t}`).join(", ")}) ON COMMIT DROP`);
  const keys = Object.keys(columns);
  const sql = `INSERT INTO "_import" (${keys.map((k) => `"${k}"`).join(", ")}) SELECT * FROM unnest(${keys.map((k, j) => `$${j + 1}::${columns[k]}[]`).join(", ")})`;
  const n = c(f, "line").length;
  for (let i = 0; i < n; i += STAGE_CHUNK) await tx.$executeRawUnsafe(sql, ...names.map((name) => c(f, name).slice(i, i + STAGE_CHUNK)));
  await tx.$executeRawUnsafe(`ALTER TABLE "_import" ADD PRIMARY KEY ("id")`);
  await tx.$executeRawUnsafe(`ANALYZE "_import"`); // temporary tables are never auto-analysed
}

/** Set-based checks against the database; any hit rejects the whole file. */
async function rejectIf(tx: Prisma.TransactionClient, sql: string) {
  const hits = await tx.$queryRawUnsafe<RowError[]>(`${sql} ORDER BY 1 LIMIT 1000`);
  if (hits.length === 0) return;
  const [{ n }] = await tx.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM (${sql}) x`);
  throw new RowsRejected(hits, n);
}

async function applyBorrowers(tx: Prisma.TransactionClient, f: ParsedFile) {
  await stage(tx, f, { line: "int", id: "int", sex: "int", education: "int", marriage: "int", age: "int" }, ["line", "borrower_id", "sex", "education", "marriage", "age"]);
  await rejectIf(tx, `SELECT i."line", 'borrower_id' AS "column", 'borrower ' || i."id" || ' already exists' AS "message" FROM "_import" i JOIN "Borrower" b ON b."id" = i."id"`);
  // The outcome is unknown until an outcomes file says otherwise (0 = no default observed).
  const added = await tx.$executeRawUnsafe(`INSERT INTO "Borrower" ("id", "sex", "education", "marriage", "age", "outcome") SELECT "id", "sex", "education", "marriage", "age", 0 FROM "_import"`);
  return { borrowersAdded: added };
}

async function applyOutcomes(tx: Prisma.TransactionClient, f: ParsedFile, actor: Actor) {
  await stage(tx, f, { line: "int", id: "int", defaulted: "int" }, ["line", "borrower_id", "defaulted"]);
  await rejectIf(tx, `SELECT i."line", 'borrower_id' AS "column", 'unknown borrower ' || i."id" AS "message" FROM "_import" i LEFT JOIN "Borrower" b ON b."id" = i."id" WHERE b."id" IS NULL`);
  const updated = await tx.$executeRawUnsafe(`UPDATE "Borrower" b SET "outcome" = i."defaulted" FROM "_import" i WHERE b."id" = i."id"`);
  // The latest scored month's monitoring (discrimination, calibration, bad rate by band) uses the new outcomes at once.
  const [{ latest }] = await tx.$queryRaw<Array<{ latest: string | null }>>`SELECT max("month") AS latest FROM "Score"`;
  if (latest) {
    const { model } = await activeModelAndPolicy(tx);
    await writeMonitoringReports(tx, await monthReports(tx, model, latest), actor);
  }
  return { outcomesRecorded: updated, outcomeMonth: f.month, monitoringRecomputedFor: latest };
}

const SCORE_CHUNK = 20_000;
const STAGE_CHUNK = 100_000;
const SCORE_COLUMNS = {
  borrowerId: "int", month: "text", score: "int", pd: "float8", tier: '"Tier"', previousTier: '"Tier"', tierChange: "int",
  limit: "int", balance: "int", utilization: "float8", modelVersion: "text", reasonCodes: "jsonb",
};

async function applyStatements(tx: Prisma.TransactionClient, importId: string, f: ParsedFile, replacement: boolean, actor: Actor, progress: ApplyProgress) {
  const month = f.month!;
  // Lock order of every state writer: version counter → state rows → audit chain.
  const version = await bumpPortfolioVersion(tx);
  const [{ latest }] = await tx.$queryRaw<Array<{ latest: string | null }>>`SELECT max("month") AS latest FROM "Statement"`;
  if (replacement ? latest !== month : latest !== null && month <= latest) {
    throw new RowsRejected([{ line: 2, column: "month", message: replacement ? `only the latest month (${latest}) can be replaced` : `${month} is not after the latest imported month (${latest})` }], 1);
  }
  await progress("checking against the portfolio");
  await stage(tx, f, { line: "int", id: "int", limit: "int", bill: "int", payment: "int", status: "int" }, ["line", "borrower_id", "limit", "bill", "payment", "repayment_status"]);
  // A statement's limit is the lender's CURRENT limit, which only the desk changes (setLimit):
  // a file that disagrees is refused row by row, never used to overwrite the limit.
  await rejectIf(tx, `SELECT i."line", CASE WHEN b."id" IS NULL THEN 'borrower_id' ELSE 'limit' END AS "column",
      CASE WHEN b."id" IS NULL THEN 'unknown borrower ' || i."id" || ': import a borrowers file for new borrowers first'
      ELSE 'limit ' || i."limit" || ' differs from the current limit ' || s."limit" || ' (limits change only through the desk)' END AS "message"
    FROM "_import" i LEFT JOIN "Borrower" b ON b."id" = i."id" LEFT JOIN "BorrowerState" s ON s."borrowerId" = i."id"
    WHERE b."id" IS NULL OR s."limit" <> i."limit"`);
  if (replacement) {
    // The month's scores before this revision: what pending decisions were computed from (recheckAfterRescore).
    await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "_old_scores"`);
    await tx.$executeRaw`CREATE TEMP TABLE "_old_scores" ON COMMIT DROP AS SELECT "borrowerId", "score", "tier" FROM "Score" WHERE "month" = ${month}`;
    await tx.$executeRawUnsafe(`ALTER TABLE "_old_scores" ADD PRIMARY KEY ("borrowerId")`);
    await tx.$executeRaw`UPDATE "DataImport" SET "status" = 'SUPERSEDED' WHERE "kind" = 'STATEMENTS' AND "month" = ${month} AND "status" = 'SUCCEEDED' AND "id" <> ${importId}`;
    await tx.$executeRaw`DELETE FROM "Score" WHERE "month" = ${month}`;
    await tx.$executeRaw`DELETE FROM "Statement" WHERE "month" = ${month}`;
  }
  await progress("loading statements");
  await tx.$executeRaw`INSERT INTO "Statement" ("borrowerId", "month", "limit", "bill", "balance", "payment", "repaymentStatus")
    SELECT "id", ${month}, "limit", "bill", greatest("bill", 0), "payment", "status" FROM "_import"`;

  const r = await scoreStagedMonth(tx, month, version, actor, progress);
  const rechecked = replacement ? await recheckAfterRescore(tx, month, await revisionOf(tx, importId), { actor }) : null;
  return { month, statements: f.rows, ...r, ...rechecked, notScoredYet: f.rows - r.scored, portfolioVersion: version };
}

/**
 * Scores month `month` for the borrowers in the staged table "_import" (id) with the ACTIVE model
 * and policy, writes their Score rows (none may exist yet), updates their state rows set-based
 * with `version`, creates state rows for newly scored borrowers, refreshes the summary and
 * stores the month's monitoring. Used by a month's import and by a model activation's re-score.
 */
export async function scoreStagedMonth(tx: Prisma.TransactionClient, month: string, version: number, actor: Actor, progress: ApplyProgress = () => {}) {
  await progress("scoring");
  const { model, cutoffs } = await activeModelAndPolicy(tx);
  // Chunk by chunk of staged borrowers (keyset on the id): memory holds one chunk's histories and
  // Score rows, never the month's; the counts are all the rest needs.
  const scores = { scored: 0, riskier: 0, safer: 0 };
  const bins = emptyBins(model); // the month's CSI counts, for its monitoring
  for (let after = -1; ;) {
    const ids = (await tx.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "_import" WHERE "id" > ${after} ORDER BY "id" LIMIT ${SCORE_CHUNK}`).map((r) => r.id);
    if (ids.length === 0) break;
    const [from, to] = [ids[0], ids[ids.length - 1]];
    after = to;
    const histories = await loadHistories(tx, monthsBack(month, 6), month, [from, to]);
    const states = await tx.$queryRaw<Array<{ id: number; tier: Tier; previousTier: Tier | null; month: string }>>`
      SELECT s."borrowerId" AS id, s."tier", s."previousTier", s."month" FROM "BorrowerState" s JOIN "_import" i ON i."id" = s."borrowerId"
      WHERE i."id" BETWEEN ${from} AND ${to}`;
    // The tier before this month: the state's (which already reflects policy changes, so a change
    // now is the score's doing); a replacement or a re-score compares with the tier before the month.
    const base = new Map(states.map((st) => [st.id, st.month === month ? st.previousTier : st.tier]));
    const rows = scoreMonth(month, histories.map((h) => ({ ...h, baseTier: base.get(h.borrowerId) ?? null })), model, cutoffs, bins);
    await bulkInsert(tx, "Score", SCORE_COLUMNS, rows);
    scores.scored += rows.length;
    for (const r of rows) {
      if (r.tierChange === 1) scores.riskier++;
      else if (r.tierChange === -1) scores.safer++;
    }
  }

  // Statistics that know the month's new Score rows (ANALYZE counts this transaction's own rows):
  // without them the planner expects ~1 row for the month and nests the history window under each
  // of them (at 1 M borrowers the state UPDATE ran 35 min before it was stopped).
  await tx.$executeRawUnsafe(`ANALYZE "Score"`);
  await progress("updating the current state");
  const updated = await updateStates(tx, month, version);
  const newStates = scores.scored - updated;
  if (newStates > 0) await initBorrowerStates(tx, version); // also refreshes the summary
  else await refreshPortfolioSummary(tx, version);

  await progress("monitoring");
  // A month nobody could be scored in yet (April, May: fewer than 3 known months) has no monitoring.
  const reports = scores.scored > 0 ? await buildMonthReportsInTx(tx, model, month, bins) : [];
  if (reports.length > 0) await writeMonitoringReports(tx, reports, actor);
  const [{ missing }] = await tx.$queryRaw<Array<{ missing: number }>>`
    SELECT count(*)::int AS missing FROM "BorrowerState" s LEFT JOIN "_import" i ON i."id" = s."borrowerId" WHERE i."id" IS NULL`;
  return {
    scored: scores.scored, newBorrowerStates: newStates, riskier: scores.riskier, safer: scores.safer,
    missingFromFile: missing, monitoringReports: reports.length, modelVersion: model.version,
  };
}

const STATE_CHUNK = 100_000;

/**
 * The state rows of the staged borrowers scored in `month`, from their Score rows and statements,
 * STATE_CHUNK staged ids per UPDATE (keyset on the id): each UPDATE's history window sorts one
 * chunk's statements (work_mem raised for the rest of the job's transaction), not all of them at
 * once (at 1 M: ~7 M statements against the default 4 MB). Returns the rows updated.
 */
async function updateStates(tx: Prisma.TransactionClient, month: string, version: number): Promise<number> {
  await tx.$executeRawUnsafe(`SET LOCAL work_mem = '64MB'`);
  let updated = 0;
  for (let after = -1; ;) {
    const [{ first, last }] = await tx.$queryRaw<Array<{ first: number | null; last: number | null }>>`
      SELECT min("id") AS first, max("id") AS last FROM (SELECT "id" FROM "_import" WHERE "id" > ${after} ORDER BY "id" LIMIT ${STATE_CHUNK}) x`;
    if (first === null || last === null) return updated;
    after = last;
    // Months since the newest delay on the harmonised status coding (features/borrowers/delay-sql.ts).
    updated += await tx.$executeRawUnsafe(`
      WITH ${harmonisedDelayCtes(`(SELECT h.* FROM "Statement" h JOIN "_import" i ON i."id" = h."borrowerId"
        WHERE h."month" <= $1 AND h."borrowerId" BETWEEN $3 AND $4 AND i."id" BETWEEN $3 AND $4) h`)}
      UPDATE "BorrowerState" s SET "balance" = sc."balance", "utilization" = CASE WHEN s."limit" > 0 THEN sc."balance"::float8 / s."limit" ELSE 0 END,
        "month" = sc."month", "score" = sc."score", "pd" = sc."pd", "tier" = sc."tier", "previousTier" = sc."previousTier", "tierChange" = sc."tierChange",
        "tierChangeCause" = CASE WHEN sc."tierChange" <> 0 THEN 'SCORE' END, "reasonCodes" = sc."reasonCodes",
        "monthsSinceDelay" = coalesce(d.back, 255), "version" = $2
      FROM "Score" sc JOIN delay d ON d."borrowerId" = sc."borrowerId"
      WHERE sc."month" = $1 AND sc."borrowerId" BETWEEN $3 AND $4 AND s."borrowerId" = sc."borrowerId" AND s."borrowerId" BETWEEN $3 AND $4`, month, version, first, last);
  }
}

/**
 * Re-scores the latest scored month with the active model (after a model activation), in one
 * transaction: that month's Score rows are replaced, the state and monitoring follow. Idempotent
 * (a re-run after kill -9 scores the same month again from the same statements).
 */
export async function rescoreLatestMonth(actor: Actor, progress: ApplyProgress = () => {}) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const version = await bumpPortfolioVersion(tx);
    const [{ month }] = await tx.$queryRaw<Array<{ month: string | null }>>`SELECT max("month") AS month FROM "Score"`;
    if (!month) return null;
    await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "_import"`);
    await tx.$executeRaw`CREATE TEMP TABLE "_import" ON COMMIT DROP AS SELECT "borrowerId" AS "id" FROM "Score" WHERE "month" = ${month}`;
    await tx.$executeRawUnsafe(`ALTER TABLE "_import" ADD PRIMARY KEY ("id")`);
    await tx.$executeRawUnsafe(`ANALYZE "_import"`);
    await tx.$executeRaw`DELETE FROM "Score" WHERE "month" = ${month}`;
    const r = await scoreStagedMonth(tx, month, version, actor, progress);
    await recordAudit(tx, { actor, action: "scores.recomputed", entityType: "Score", entityId: month, after: { month, ...r, portfolioVersion: version } });
    return { month, ...r };
  }, { timeout: MONTH_TX_TIMEOUT, maxWait: 60_000 });
}

export async function activeModelAndPolicy(tx: Prisma.TransactionClient): Promise<{ model: ScoreModel; cutoffs: PolicyConfig["cutoffs"] }> {
  const m = await tx.scoreModel.findFirst({ where: { active: true }, orderBy: { createdAt: "desc" } });
  const p = await tx.policy.findFirst({ where: { status: "ACTIVE" } });
  if (!m || !p) throw new Error("No active scorecard or policy: seed the database first.");
  return { model: m.model as unknown as ScoreModel, cutoffs: (p.config as unknown as PolicyConfig).cutoffs };
}

/** The month's monitoring, set-based (features/monitoring/mutations.ts). */
const monthReports = (tx: Prisma.TransactionClient, model: ScoreModel, month: string) => buildMonthReportsInTx(tx, model, month);

/**
 * The seed's first step: the committed scorecard and the default policy, active, before any file
 * is applied (the pipeline scores with whatever is active). Does nothing when a model is active.
 */
export async function installSeedModelAndPolicy(model: ScoreModel, policy: PolicyConfig): Promise<boolean> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    if (await tx.scoreModel.findFirst({ where: { active: true }, select: { version: true } })) return false;
    await tx.scoreModel.create({
      data: { version: model.version, model: model as unknown as Prisma.InputJsonValue, auc: model.holdout.auc, ks: model.holdout.ks, gini: model.holdout.gini, active: true },
    });
    const active = await tx.policy.create({
      data: { version: 1, status: "ACTIVE", name: "Default policy", config: policy as unknown as Prisma.InputJsonValue, authorEmail: "system (seed)", activatedAt: new Date() },
    });
    await recordAudit(tx, { actor: null, action: "model.installed", entityType: "ScoreModel", entityId: model.version, after: { modelVersion: model.version, policyId: active.id } });
    return true;
  });
}

/** Whether the portfolio was seeded before imports existed (then the seed adds nothing). */
export async function seededWithoutPipeline(): Promise<boolean> {
  const prisma = await getPrisma();
  const [borrowers, imports] = await Promise.all([prisma.borrower.count(), prisma.dataImport.count({ where: { source: "seed" } })]);
  return borrowers > 0 && imports === 0;
}

export async function recordSeedCompleted(source: string, after: Record<string, unknown>) {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) => recordAudit(tx, { actor: null, action: "seed.imported", entityType: "Portfolio", entityId: source, after }));
}

/**
 * The staged borrowers with ids in [first, last]: their statements after `from` up to `to` (oldest
 * first) and the latest one's limit (= the current limit, checked on staging). Read as ONE row of
 * arrays per borrower (6× fewer rows for the driver to build than one per statement).
 */
async function loadHistories(tx: Prisma.TransactionClient, from: string, to: string, [first, last]: [number, number]) {
  const grouped = await tx.$queryRaw<Array<{ id: number; months: string[]; limits: number[]; bills: number[]; payments: number[]; statuses: number[] }>>`
    SELECT h."borrowerId" AS id, array_agg(h."month" ORDER BY h."month") AS months, array_agg(h."limit" ORDER BY h."month") AS limits,
      array_agg(h."bill" ORDER BY h."month") AS bills, array_agg(h."payment" ORDER BY h."month") AS payments,
      array_agg(h."repaymentStatus" ORDER BY h."month") AS statuses
    FROM "Statement" h JOIN "_import" i ON i."id" = h."borrowerId"
    WHERE h."month" > ${from} AND h."month" <= ${to} AND i."id" BETWEEN ${first} AND ${last}
      AND h."borrowerId" BETWEEN ${first} AND ${last} -- the chunk's range of the Statement key too: without it, a seq scan of every statement per chunk (5.0 s vs 0.38 s per 20 k at 1 M)
    GROUP BY h."borrowerId" ORDER BY h."borrowerId"`;
  return grouped.map((g) => ({
    borrowerId: g.id, limit: g.limits[g.limits.length - 1],
    history: g.months.map((month, k) => ({ month, bill: g.bills[k], payment: g.payments[k], status: g.statuses[k] })),
  }));
}
