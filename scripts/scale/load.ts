/**
 * Loads a SYNTHETIC scale portfolio (scripts/scale/synthetic.ts) into an empty portfolio with COPY:
 * Borrower, Statement and Score, streamed chunk by chunk (constant memory at any size), all in ONE
 * transaction — a crash leaves the portfolio empty. The three tables' keys and indexes are dropped
 * for the load and rebuilt from their own definitions afterwards (bulk index builds are several
 * times faster than row-by-row maintenance), so the schema ends exactly as the migrations made it.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { BorrowerRecord } from "@/features/import/types";
import type { ScoreModel } from "@/features/scoring/model-types";
import type { PolicyConfig } from "@/features/policy/schema";
import { buildScoreRows } from "@/features/borrowers/score-rows";
import { syntheticBorrowers } from "./synthetic";
import { BORROWER_COPY, SCORE_COPY, STATEMENT_COPY, borrowerLine, scoreLine, statementLines } from "./copy-text";

const TABLES = ['"Borrower"', '"Statement"', '"Score"'];
const CHUNK = 5_000;

export type LoadInput = { url: string; base: readonly BorrowerRecord[]; borrowers: number; seed: number; model: ScoreModel; cutoffs: PolicyConfig["cutoffs"]; log: (line: string) => void };
export type LoadFigures = { borrowers: number; statements: number; scores: number; seconds: Record<string, number> };

type Constraint = { tbl: string; conname: string; contype: string; def: string };
type IndexDef = { indexname: string; indexdef: string };

export async function loadScalePortfolio(input: LoadInput): Promise<LoadFigures> {
  const client = new pg.Client({ connectionString: input.url });
  await client.connect();
  const seconds: Record<string, number> = {};
  const timed = async <T>(step: string, fn: () => Promise<T>) => {
    const t = Date.now();
    const value = await fn();
    seconds[step] = (Date.now() - t) / 1000;
    return value;
  };
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    const { rows: [{ any }] } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Borrower") AS any`);
    if (any) throw new Error("The target database already has borrowers: load a scale portfolio into an empty database (createdb a new one).");

    const { constraints, indexes } = await dropKeysAndIndexes(client);
    const n = input.borrowers;
    const perBorrower = (b: BorrowerRecord) => buildScoreRows([b], input.model, input.cutoffs).map(scoreLine).join("");
    await timed("borrowers", () => copy(client, BORROWER_COPY, n, input, borrowerLine, "borrowers"));
    await timed("statements", () => copy(client, STATEMENT_COPY, n, input, statementLines, "statements"));
    await timed("scores", () => copy(client, SCORE_COPY, n, input, perBorrower, "scores (scored by the scorecard)"));
    await timed("keys and indexes", () => rebuild(client, constraints, indexes, input.log));
    await timed("commit", () => client.query("COMMIT"));
    await timed("analyze", () => client.query(`ANALYZE ${TABLES.join(", ")}`));
    const [{ statements, scores }] = (await client.query<{ statements: number; scores: number }>(
      `SELECT (SELECT count(*) FROM "Statement")::int AS statements, (SELECT count(*) FROM "Score")::int AS scores`,
    )).rows;
    return { borrowers: n, statements, scores, seconds };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/** One COPY of every synthetic borrower's lines, generated chunk by chunk as PostgreSQL takes them. */
async function copy(client: pg.Client, sql: string, n: number, input: LoadInput, lines: (b: BorrowerRecord) => string, label: string) {
  const started = Date.now();
  let lastLog = 0;
  function* chunks() {
    for (let from = 0; from < n; from += CHUNK) {
      let text = "";
      for (const b of syntheticBorrowers(input.base, from, Math.min(from + CHUNK, n), input.seed)) text += lines(b);
      yield text;
      const done = Math.min(from + CHUNK, n);
      if (done === n || Date.now() - lastLog > 2_000) {
        lastLog = Date.now();
        const s = (Date.now() - started) / 1000;
        input.log(`  ${label}: ${done.toLocaleString("en-US")} / ${n.toLocaleString("en-US")} borrowers (${s.toFixed(1)} s, ${Math.round(done / Math.max(s, 0.001)).toLocaleString("en-US")}/s)`);
      }
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}

async function dropKeysAndIndexes(client: pg.Client) {
  // Every key on the three tables and every foreign key pointing at them (e.g. from tables other
  // features add), so the primary keys can go too.
  const constraints = (await client.query<Constraint>(
    `SELECT conrelid::regclass::text AS tbl, conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f') AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))`,
    [TABLES],
  )).rows;
  const indexes = (await client.query<IndexDef>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND format('%I', i.tablename) = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))`,
    [TABLES],
  )).rows;
  for (const c of constraints.filter((x) => x.contype === "f")) await client.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT "${c.conname}"`);
  for (const c of constraints.filter((x) => x.contype !== "f")) await client.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT "${c.conname}"`);
  for (const i of indexes) await client.query(`DROP INDEX "${i.indexname}"`);
  return { constraints, indexes };
}

async function rebuild(client: pg.Client, constraints: Constraint[], indexes: IndexDef[], log: (line: string) => void) {
  const add = async (c: Constraint) => client.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT "${c.conname}" ${c.def}`);
  const started = Date.now();
  for (const c of constraints.filter((x) => x.contype !== "f")) await add(c);
  for (const i of indexes) await client.query(i.indexdef);
  for (const c of constraints.filter((x) => x.contype === "f")) await add(c);
  log(`  keys and indexes: ${constraints.length} constraints and ${indexes.length} indexes rebuilt (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
