// `npm run scale:seed -- --borrowers 1000000 [--seed 20051001]`: a SYNTHETIC scale portfolio for
// benchmarks, bootstrapped from the 30,000 real rows (see scripts/scale/synthetic.ts), loaded with
// COPY into an EMPTY database at DATABASE_URL (a PostgreSQL server). Never part of the default seed.
import { parseArgs } from "node:util";
import { getDb, closeDb } from "@/lib/db/client";
import { isServerUrl } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrate";
import { defaultCsvPath, formatIssues, loadUciCsv } from "@/features/import/csv";
import { loadModel } from "@/features/scoring/model-types";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { ensureUsers } from "@/features/users/mutations";
import { DEMO_USERS } from "@/features/users/demo-users";
import { demoPassword } from "@/lib/env";
import { DEFAULT_SCALE_SEED } from "./scale/synthetic";
import { loadScalePortfolio } from "./scale/load";
import { finishScalePortfolio } from "./scale/finish";

const log = (line: string) => console.log(line);

try {
  const { values } = parseArgs({ options: { borrowers: { type: "string" }, seed: { type: "string" } } });
  const borrowers = Number(values.borrowers);
  const seed = values.seed === undefined ? DEFAULT_SCALE_SEED : Number(values.seed);
  if (!Number.isInteger(borrowers) || borrowers < 1 || borrowers > 20_000_000) throw new Error("--borrowers must be a whole number from 1 to 20,000,000.");
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error("--seed must be a whole number from 0 to 4294967295.");
  const url = process.env.DATABASE_URL;
  if (!isServerUrl(url)) throw new Error("Set DATABASE_URL=postgresql://… to the (empty) database that gets the synthetic portfolio.");

  const started = Date.now();
  const db = await getDb();
  const applied = await applyMigrations(db.sql);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  await ensureUsers(DEMO_USERS, demoPassword());
  const csv = defaultCsvPath();
  const { rows: base, issues } = loadUciCsv(csv);
  if (issues.length) throw new Error(`${csv} has bad values; nothing was loaded:\n${formatIssues(issues)}`);
  log(`SYNTHETIC portfolio: ${borrowers.toLocaleString("en-US")} borrowers bootstrapped from ${base.length.toLocaleString("en-US")} real rows, seed ${seed}`);

  const model = loadModel();
  const figures = await loadScalePortfolio({ url, base, borrowers, seed, model, cutoffs: DEFAULT_POLICY.cutoffs, log });
  await finishScalePortfolio({ model, policy: DEFAULT_POLICY, marker: { borrowers, statements: figures.statements, scores: figures.scores, seed, bootstrappedFrom: csv } });
  const steps = Object.entries(figures.seconds).map(([k, s]) => `${k} ${s.toFixed(1)} s`).join(", ");
  log(`Loaded ${borrowers.toLocaleString("en-US")} synthetic borrowers, ${figures.statements.toLocaleString("en-US")} statements, ${figures.scores.toLocaleString("en-US")} scores in ${((Date.now() - started) / 1000).toFixed(1)} s (${steps}).`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await closeDb();
}
