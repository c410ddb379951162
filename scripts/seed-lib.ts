// Migrate + seed, shared by `npm start`, `npm run db:seed` and the database tests. The seed builds
// the portfolio THROUGH THE IMPORT PIPELINE (issue 10 §1): the UCI file is converted in memory to
// a borrowers file, an outcomes file and one statements file per month, and each is received and
// applied exactly as an upload is — so the default state is the pipeline's output. Each file
// commits on its own; a seed interrupted half-way resumes on the next start (a file already
// applied is recognised by its checksum). LIMITDESK_SEED_THROUGH=2005-08 stops after August.
import { applyMigrations } from "@/lib/db/migrate";
import { getDb } from "@/lib/db/client";
import { loadUciCsv, defaultCsvPath } from "@/features/import/csv";
import { loadModel } from "@/features/scoring/model-types";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { MONTHS } from "@/features/import/types";
import { isMonth } from "@/features/imports/formats";
import { applyImport, installSeedModelAndPolicy, receiveImport, recordSeedCompleted, seededWithoutPipeline } from "@/features/imports/mutations";
import { ApiError } from "@/lib/api/errors";
import { ensureUsers } from "@/features/users/mutations";
import { DEMO_USERS } from "@/features/users/demo-users";
import { demoPassword } from "@/lib/env";
import { seedFiles } from "./seed-files";

type Log = (line: string) => void;

export const SEED_THROUGH_ENV = "LIMITDESK_SEED_THROUGH";

function seedThrough(value = process.env[SEED_THROUGH_ENV]): string {
  if (!value) return MONTHS[MONTHS.length - 1];
  if (!isMonth(value) || value < MONTHS[0]) throw new Error(`${SEED_THROUGH_ENV} must be a month ${MONTHS[0]}…${MONTHS[MONTHS.length - 1]} (YYYY-MM), got "${value}"`);
  return value;
}

export async function migrateAndSeed(opts: { csvPath?: string; limitRows?: number; through?: string; log?: Log } = {}) {
  const log = opts.log ?? ((l) => console.log(l));
  const db = await getDb();
  const applied = await applyMigrations(db.sql);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const users = await ensureUsers(DEMO_USERS, demoPassword());
  if (users.length) log(`Created demo users: ${users.join(", ")}`);
  if (await seededWithoutPipeline()) {
    log("Portfolio already seeded; nothing imported.");
    return { seeded: false };
  }
  const through = seedThrough(opts.through);
  const started = Date.now();
  const csvPath = opts.csvPath ?? defaultCsvPath();
  const { rows: all, issues } = loadUciCsv(csvPath);
  if (issues.length) {
    const lines = issues.slice(0, 50).map((i) => `  line ${i.line}, column ${i.column}: ${i.reason}`);
    throw new Error(`${csvPath} has ${issues.length} bad value(s); nothing was imported:\n${lines.join("\n")}`);
  }
  const rows = opts.limitRows ? all.slice(0, opts.limitRows) : all;
  const model = loadModel();
  await installSeedModelAndPolicy(model, DEFAULT_POLICY);
  let appliedFiles = 0;
  for (const file of seedFiles(rows, through)) {
    const t = Date.now();
    let received;
    try {
      received = await receiveImport({ content: file.content, source: "seed", fileName: file.name, actor: null });
    } catch (err) {
      // Another file for that month was imported (e.g. September uploaded after a partial seed): keep it.
      if (err instanceof ApiError && err.status === 409) continue;
      throw err;
    }
    if (received.status !== "QUEUED") continue; // applied by an earlier (interrupted) seed
    let step = Date.now();
    const outcome = await applyImport(received.id, null, (name) => {
      if (process.env.LIMITDESK_SEED_STEPS) log(`    ${name} (+${((Date.now() - step) / 1000).toFixed(2)} s)`);
      step = Date.now();
    });
    if (outcome.status !== "SUCCEEDED") throw new Error(`seed file ${file.name} was not applied (${outcome.status}): ${JSON.stringify(outcome.result)}`);
    appliedFiles++;
    log(`  ${file.name}: ${rows.length.toLocaleString("en-US")} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  if (appliedFiles === 0) {
    log("Portfolio already seeded; nothing imported.");
    return { seeded: false };
  }
  await recordSeedCompleted(csvPath, { borrowers: rows.length, through, files: appliedFiles, modelVersion: model.version });
  log(`Seeded ${rows.length} borrowers through ${through} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { seeded: true, borrowers: rows.length, seconds: (Date.now() - started) / 1000 };
}
