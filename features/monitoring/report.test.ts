import { describe, expect, it } from "vitest";
import { handModel } from "@/features/scoring/test-helpers";
import { badRateByBand, buildMonitoringReport, type MonthSnapshot } from "./report";

const model = handModel([{ name: "status_latest", code: "RC01", cuts: [1], points: [30, -30] }]);

function snap(month: string, n: number, lateShare: number, outcome: boolean): MonthSnapshot {
  const late = Math.round(n * lateShare);
  const bins = [Array.from({ length: n }, (_, i) => (i < late ? 1 : 0))];
  const scores = bins[0].map((b, i) => (b ? 500 : 700) + (i % 7));
  return {
    month,
    scores,
    pds: scores.map((s) => (s < 600 ? 0.5 : 0.1)),
    tiers: scores.map((s) => (s >= 700 ? "LOW" : s >= 600 ? "MEDIUM" : "HIGH")),
    bins,
    outcome: outcome ? { month: "2005-10", defaulted: bins[0].map((b, i) => (b ? +(i % 2 === 0) : +(i % 10 === 0))) } : null,
  };
}

describe("buildMonitoringReport", () => {
  const ref = snap("2005-06", 1000, 0.1, true);
  const sep = snap("2005-09", 1000, 0.4, true);

  it("reports CSI per characteristic with per-bin detail and raises alerts", () => {
    const r = buildMonitoringReport(model, sep, ref);
    expect(r.csi[0].bins.map((b) => [b.expectedCount, b.actualCount])).toEqual([[900, 600], [100, 400]]);
    // (.6-.9) ln(.6/.9) + (.4-.1) ln 4 = 0.121640 + 0.415888
    expect(r.csi[0].value).toBeCloseTo(0.537528, 5);
    expect(r.csi[0].light).toBe("red");
    expect(r.alerts.map((a) => [a.kind, a.level])).toContainEqual(["csi", "red"]);
    expect(r.tierMix.find((t) => t.tier === "HIGH")).toMatchObject({ count: 400, referenceCount: 100 });
  });

  it("gives discrimination and calibration only where the outcome is mature (September)", () => {
    const r = buildMonitoringReport(model, sep, ref);
    expect(r.outcome).toEqual({ month: "2005-10", horizonMonths: 1, mature: true });
    expect(r.performance.status).toBe("known");
    expect(r.calibration?.bands.length).toBe(10);
    const june = buildMonitoringReport(model, ref, ref);
    expect(june.outcome).toEqual({ month: "2005-10", horizonMonths: 4, mature: false });
    expect(june.performance).toEqual({ status: "outcome not yet known" });
    expect(june.calibration).toBeNull();
    expect(june.scorePsi.value).toBe(0);
    const none = buildMonitoringReport(model, snap("2005-09", 200, 0.1, false), ref);
    expect(none.outcome).toBeNull();
    expect(none.badRateByBand).toEqual([]);
  });
});

describe("badRateByBand", () => {
  it("flags a band riskier than the band below it", () => {
    const scores = [...Array(100).fill(520), ...Array(100).fill(620), ...Array(100).fill(720)];
    const bad = [...Array(100).fill(0).map((_, i) => +(i < 40)), ...Array(100).fill(0).map((_, i) => +(i < 50)), ...Array(100).fill(0).map((_, i) => +(i < 5))];
    const rows = badRateByBand(scores, bad);
    expect(rows.map((r) => [r.lower, r.n, r.badRate, r.crosses])).toEqual([
      [500, 100, 0.4, false],
      [600, 100, 0.5, true],
      [700, 100, 0.05, false],
    ]);
  });
});
