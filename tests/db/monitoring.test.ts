import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getMonitoringReport, latestAlerts, monitoringIndex, monthlySummaries } from "@/features/monitoring/data";
import { getPrisma } from "@/lib/db/client";
import { buildMonthReports, type HistoryRow, type StoredScore } from "@/features/imports/month-monitoring";
import { buildMonthReportsInTx } from "@/features/monitoring/mutations";
import type { ScoreModel } from "@/features/scoring/model-types";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

// A 3,000-borrower seed keeps this quick; the reports are computed by the seed, stored, then read.
describe(`monitoring reports stored by the seed on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 3000, log: () => undefined });
  });
  afterAll(async () => closeAppDb(db));

  it("stores one report per scored month against each earlier month (June against itself)", async () => {
    expect(await monitoringIndex()).toEqual([
      { month: "2005-06", references: ["2005-06"] },
      { month: "2005-07", references: ["2005-06"] },
      { month: "2005-08", references: ["2005-06", "2005-07"] },
      { month: "2005-09", references: ["2005-06", "2005-07", "2005-08"] },
    ]);
    const prisma = await getPrisma();
    // The seed goes through the import pipeline: each scored month's import stores its own reports.
    expect(await prisma.auditEvent.count({ where: { action: "monitoring.stored" } })).toBe(4);
  });

  it("serves the latest month against the pinned reference by default, with mature outcomes only for September", async () => {
    const sep = await getMonitoringReport();
    expect(sep).toMatchObject({ month: "2005-09", reference: "2005-06", n: 3000 });
    expect(sep!.performance.status).toBe("known");
    expect(sep!.calibration?.bands).toHaveLength(10);
    expect(sep!.csi.map((c) => c.bins.reduce((s, b) => s + b.actualCount, 0))).toEqual(sep!.csi.map(() => 3000));
    const prisma = await getPrisma();
    const stored = await prisma.score.groupBy({ by: ["tier"], where: { month: "2005-09" }, _count: true });
    for (const t of sep!.tierMix) expect(t.count).toBe(stored.find((s) => s.tier === t.tier)?._count ?? 0);

    const jul = await getMonitoringReport("2005-07");
    expect(jul!.performance).toEqual({ status: "outcome not yet known" });
    expect(jul!.outcome).toEqual({ month: "2005-10", horizonMonths: 3, mature: false });
    expect((await getMonitoringReport("2005-09", "2005-08"))!.reference).toBe("2005-08");
    expect(await getMonitoringReport("2005-09", "2005-09")).toBeNull();
    expect(await getMonitoringReport("2004-01")).toBeNull();
  });

  it("lists the latest alerts, and the tier mix and bad rate by band of every month", async () => {
    const a = await latestAlerts();
    expect(a).toMatchObject({ month: "2005-09", reference: "2005-06" });
    const rep = (await getMonitoringReport())!;
    const lit = [rep.scorePsi, ...rep.csi].filter((r) => r.light === "amber" || r.light === "red");
    expect(a!.alerts.map((x) => x.value)).toEqual(lit.map((r) => r.value));
    expect(a!.tooFew).toBe([rep.scorePsi, ...rep.csi].filter((r) => r.light === "too-few").length);
    const months = await monthlySummaries();
    expect(months.map((m) => m.month)).toEqual(["2005-06", "2005-07", "2005-08", "2005-09"]);
    for (const m of months) {
      expect(m.tiers.LOW + m.tiers.MEDIUM + m.tiers.HIGH).toBe(3000);
      expect(m.badRateByBand.reduce((s, b) => s + b.n, 0)).toBe(3000);
    }
    expect(months.map((m) => m.outcome?.horizonMonths)).toEqual([4, 3, 2, 1]);
  });

  it("the set-based reports (SQL counts + chunked bins) equal the in-memory reports built from the whole portfolio", async () => {
    const prisma = await getPrisma();
    const model = (await prisma.scoreModel.findFirstOrThrow({ where: { active: true } })).model as unknown as ScoreModel;
    const months = ["2005-06", "2005-07", "2005-08", "2005-09"];
    // The in-memory path as the import used it: every score, every statement, every outcome as JS objects.
    const scores = await prisma.$queryRaw<StoredScore[]>`SELECT "borrowerId" AS id, "month", "score", "pd", "tier" FROM "Score" ORDER BY "month", "borrowerId"`;
    const history = await prisma.$queryRaw<HistoryRow[]>`
      SELECT "borrowerId" AS id, "month", "limit", "bill", "payment", "repaymentStatus" AS status FROM "Statement" ORDER BY "borrowerId", "month"`;
    const outcome = new Map((await prisma.borrower.findMany({ select: { id: true, outcome: true } })).map((b) => [b.id, b.outcome]));
    for (const month of months) {
      const expected = buildMonthReports(model, month, months, history, scores, outcome);
      const stored = await prisma.modelMonitoring.findMany({ where: { month }, orderBy: { reference: "asc" } });
      expect(stored.map((r) => r.report)).toEqual(JSON.parse(JSON.stringify(expected)));
      const fresh = await prisma.$transaction((tx) => buildMonthReportsInTx(tx, model, month));
      expect(fresh).toEqual(expected);
      // With no stored report to take earlier months' bins from (a scale:seed portfolio), all the
      // months' bins are streamed in one pass: the same reports (the deletion is rolled back).
      const rollback = { reports: [] as unknown[] };
      const unstored = await prisma.$transaction(async (tx) => {
        await tx.modelMonitoring.deleteMany();
        rollback.reports = await buildMonthReportsInTx(tx, model, month);
        throw rollback;
      }).catch((e: unknown) => (e === rollback ? rollback.reports : Promise.reject(e)));
      expect(unstored).toEqual(expected);
    }
    expect(scores.length).toBe(4 * 3000);
  });
});

