// The synthetic scale portfolio loaded with COPY into a real PostgreSQL database: every row once,
// amounts and scores as the pure generator and scorecard say, keys and indexes rebuilt exactly,
// the synthetic marker recorded, and a second load refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadUciCsv } from "@/features/import/csv";
import { loadModel } from "@/features/scoring/model-types";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { buildScoreRows } from "@/features/borrowers/score-rows";
import { getPrisma } from "@/lib/db/client";
import { loadScalePortfolio } from "@/scripts/scale/load";
import { finishScalePortfolio } from "@/scripts/scale/finish";
import { SYNTHETIC_ID_BASE, syntheticBorrower } from "@/scripts/scale/synthetic";
import { dbColumnsSource } from "@/features/policy/data";
import { PortfolioColumnsCache } from "@/features/policy/preview/columns-cache";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const N = 3_000;
const SEED = 99;
const INDEXES = `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`;
const CONSTRAINTS = `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`;

describe(`scale seed on ${backend}`, () => {
  let db: TestDb;
  const { rows: base } = loadUciCsv();
  const model = loadModel();
  let schemaBefore: unknown[];
  beforeAll(async () => {
    db = await openAppDb();
    schemaBefore = [await db.sql.query(INDEXES), await db.sql.query(CONSTRAINTS)];
  });
  afterAll(async () => closeAppDb(db));

  it("loads every synthetic borrower once with its statements and scores, and rebuilds the schema exactly", async () => {
    const lines: string[] = [];
    const figures = await loadScalePortfolio({ url: db.url!, base, borrowers: N, seed: SEED, model, cutoffs: DEFAULT_POLICY.cutoffs, log: (l) => lines.push(l) });
    expect(figures).toMatchObject({ borrowers: N, statements: N * 6, scores: N * 4 });
    expect(lines.some((l) => l.includes(`scores (scored by the scorecard): ${N.toLocaleString("en-US")} / ${N.toLocaleString("en-US")}`))).toBe(true);
    expect([await db.sql.query(INDEXES), await db.sql.query(CONSTRAINTS)]).toEqual(schemaBefore);

    const prisma = await getPrisma();
    const [{ min, max, n }] = await prisma.$queryRaw<{ min: number; max: number; n: number }[]>`SELECT min(id) AS min, max(id) AS max, count(*)::int AS n FROM "Borrower"`;
    expect([min, max, n]).toEqual([SYNTHETIC_ID_BASE + 1, SYNTHETIC_ID_BASE + N, N]);

    for (const k of [0, 1, 1_234, N - 1]) {
      const expected = syntheticBorrower(base, k, SEED);
      const stored = await prisma.borrower.findUniqueOrThrow({ where: { id: expected.id }, include: { statements: { orderBy: { month: "asc" } }, scores: { orderBy: { month: "asc" } } } });
      expect({ age: stored.age, sex: stored.sex, outcome: stored.outcome }).toEqual({ age: expected.age, sex: expected.sex, outcome: expected.outcome });
      expect(stored.statements.map((s) => [s.month, s.limit, s.bill, s.balance, s.payment, s.repaymentStatus])).toEqual(
        expected.months.map((m) => [m.month, expected.limit, m.bill, Math.max(m.bill, 0), m.payment, m.status]),
      );
      const scores = buildScoreRows([expected], model, DEFAULT_POLICY.cutoffs);
      expect(stored.scores).toEqual(scores);
    }
  });

  it("records the synthetic marker, derives every current state, and refuses to load into a portfolio that has borrowers", async () => {
    await finishScalePortfolio({ model, policy: DEFAULT_POLICY, marker: { borrowers: N, statements: N * 6, scores: N * 4, seed: SEED, bootstrappedFrom: "data/UCI_Credit_Card.csv" } });
    const prisma = await getPrisma();
    // The state rows (current limit) are derived by finishScalePortfolio, not by the COPY load.
    expect(await prisma.borrowerState.count()).toBe(N);
    for (const k of [0, 1, 1_234, N - 1]) {
      const expected = syntheticBorrower(base, k, SEED);
      const state = await prisma.borrowerState.findUniqueOrThrow({ where: { borrowerId: expected.id } });
      expect(state.limit).toBe(expected.limit);
    }
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "seed.imported" } });
    expect(event.after).toMatchObject({ synthetic: true, borrowers: N, seed: SEED, idFrom: SYNTHETIC_ID_BASE + 1, idTo: SYNTHETIC_ID_BASE + N });
    expect(await prisma.policy.count({ where: { status: "ACTIVE" } })).toBe(1);
    expect(await prisma.scoreModel.count({ where: { active: true } })).toBe(1);
    await expect(loadScalePortfolio({ url: db.url!, base, borrowers: 10, seed: SEED, model, cutoffs: DEFAULT_POLICY.cutoffs, log: () => undefined })).rejects.toThrow(/already has borrowers/);
    expect(await prisma.borrower.count()).toBe(N);
  });

  it("loads the preview columns of a portfolio whose ids start at 100,000,001 (empty id ranges before it)", async () => {
    const columns = await new PortfolioColumnsCache(dbColumnsSource()).get();
    expect(columns.n).toBe(N);
  });
});
