// Migrate + seed, shared by `npm start`, `npm run db:seed` and the database tests.
import { applyMigrations } from "@/lib/db/migrate";
import { getDb } from "@/lib/db/client";
import { loadUciCsv, defaultCsvPath } from "@/features/import/csv";
import { loadModel } from "@/features/scoring/model-types";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { buildScoreRows } from "@/features/borrowers/score-rows";
import { importPortfolio, portfolioIsEmpty } from "@/features/borrowers/mutations";
import { SCORED_MONTH_INDEXES } from "@/features/scoring/scorecard";
import { buildSeedReports } from "@/features/monitoring/snapshots";
import { storeMonitoringReports } from "@/features/monitoring/mutations";
import { ensureUsers } from "@/features/users/mutations";
import { DEMO_USERS } from "@/features/users/demo-users";
import { demoPassword } from "@/lib/env";

type Log = (line: string) => void;

export async function migrateAndSeed(opts: { csvPath?: string; limitRows?: number; log?: Log } = {}) {
  const log = opts.log ?? ((l) => console.log(l));
  const db = await getDb();
  const applied = await applyMigrations(db.sql);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const users = await ensureUsers(DEMO_USERS, demoPassword());
  if (users.length) log(`Created demo users: ${users.join(", ")}`);
  if (!(await portfolioIsEmpty())) {
    log("Portfolio already seeded; nothing imported.");
    return { seeded: false };
  }
  const started = Date.now();
  const csvPath = opts.csvPath ?? defaultCsvPath();
  const { rows: all, issues } = loadUciCsv(csvPath);
  if (issues.length) {
    const lines = issues.slice(0, 50).map((i) => `  line ${i.line}, column ${i.column}: ${i.reason}`);
    throw new Error(`${csvPath} has ${issues.length} bad value(s); nothing was imported:\n${lines.join("\n")}`);
  }
  const rows = opts.limitRows ? all.slice(0, opts.limitRows) : all;
  const model = loadModel();
  const scores = buildScoreRows(rows, model, DEFAULT_POLICY.cutoffs);
  log(`Parsed and scored ${rows.length} borrowers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let lastLine = 0;
  await importPortfolio({ rows, scores, model, policy: DEFAULT_POLICY, source: csvPath }, (step, done, total) => {
    if (done === total || Date.now() - lastLine > 1000) {
      lastLine = Date.now();
      log(`  ${step}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  });
  // Monitoring is computed once here, per scored month, from the scores just stored.
  const reports = buildSeedReports(model, rows, scores, SCORED_MONTH_INDEXES);
  await storeMonitoringReports(reports);
  log(`Stored ${reports.length} monitoring reports (${reports.reduce((s, r) => s + r.alerts.length, 0)} alerts)`);
  log(`Seeded ${rows.length} borrowers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { seeded: true, borrowers: rows.length, seconds: (Date.now() - started) / 1000 };
}
