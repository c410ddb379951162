/**
 * The monthly monitoring report of a scored month against a pinned reference month: score PSI,
 * CSI per characteristic (model bins), discrimination where the outcome is mature, bad rate by
 * score band, calibration, tier mix, and the traffic-light alerts. Pure: the seed (and the scoring
 * job) builds it once per month from the month's scores and stores it; requests only read it.
 *
 * Outcomes: the data hold ONE outcome, default in October 2005. It is the 1-month-ahead outcome of
 * September's scores (mature: KS/AUC/Gini and calibration are reported) and a 2-4-month-later one
 * for July..June, whose discrimination is reported as "outcome not yet known"; their bad rate by
 * band is still shown, labelled with the horizon.
 */
import { gini } from "@/features/scoring/metrics";
import type { Reliability } from "@/features/scoring/calibration";
import type { ScoreModel } from "@/features/scoring/model-types";
import { TIERS, type Tier } from "@/features/policy/schema";
import { MIN_BIN_BORROWERS, psiFromCounts, scorePsiOfCounts, type Light, type PsiResult } from "./psi";
import { aggregateOf, scoreCounts, type MonthAggregate, type ScoreCount } from "./aggregate";
import { aucOfCounts, ksOfCounts, reliabilityOfBands } from "./counts";

/** One month's scored portfolio, column-wise (index = borrower). */
export type MonthSnapshot = {
  month: string;
  scores: number[];
  pds: number[];
  tiers: Tier[];
  /** bins[c][i] = borrower i's bin on characteristic c (model order). */
  bins: number[][];
  /** Observed default per borrower and when it was observed, or null if none has arrived. */
  outcome: { month: string; defaulted: number[] } | null;
};

export type Alert = { level: "amber" | "red"; kind: "score-psi" | "csi"; name: string; value: number; message: string };
export type BandRow = { lower: number; upper: number; n: number; bads: number; badRate: number; crosses: boolean };

export type MonitoringReport = {
  month: string;
  reference: string;
  modelVersion: string;
  n: number;
  scorePsi: PsiResult;
  csi: Array<{ name: string; code: string; description: string } & PsiResult>;
  outcome: { month: string; horizonMonths: number; mature: boolean } | null;
  /** Present only when the outcome is mature (1 month after the scored month). */
  performance: { status: "known"; auc: number; ks: number; gini: number; defaultRate: number } | { status: "outcome not yet known" };
  badRateByBand: BandRow[];
  calibration: Reliability | null;
  tierMix: Array<{ tier: Tier; count: number; share: number; referenceCount: number; referenceShare: number }>;
  alerts: Alert[];
};

export const BAND_WIDTH = 50;
const r6 = (x: number) => Number(x.toFixed(6));

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number);
  const [yb, mb] = b.split("-").map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

/**
 * Bad rate per 50-point score band. A band "crosses" when it is riskier than the band below it in
 * score (both with at least MIN_BIN_BORROWERS), i.e. the rank order breaks there.
 */
export function badRateByBand(scores: number[], bad: number[], min = 350, max = 950): BandRow[] {
  return badRateByBandOfCounts(scoreCounts(scores, bad), min, max);
}

export function badRateByBandOfCounts(counts: ScoreCount[], min = 350, max = 950): BandRow[] {
  const rows: BandRow[] = [];
  for (let lower = min; lower < max; lower += BAND_WIDTH) {
    const upper = Math.min(max, lower + BAND_WIDTH);
    let n = 0;
    let bads = 0;
    for (const c of counts) {
      if (c.score >= lower && (c.score < upper || (upper === max && c.score === max))) {
        n += c.n;
        bads += c.bads;
      }
    }
    if (n > 0) rows.push({ lower, upper, n, bads, badRate: r6(bads / n), crosses: false });
  }
  for (let k = 1; k < rows.length; k++) {
    const [below, here] = [rows[k - 1], rows[k]];
    here.crosses = below.n >= MIN_BIN_BORROWERS && here.n >= MIN_BIN_BORROWERS && here.badRate > below.badRate;
  }
  return rows;
}

function alertFor(kind: Alert["kind"], name: string, r: PsiResult): Alert[] {
  const level: Light = r.light;
  if (level !== "amber" && level !== "red") return [];
  const what = kind === "score-psi" ? "Score distribution" : `Characteristic ${name}`;
  return [{ level, kind, name, value: r.value, message: `${what} shifted: ${kind === "score-psi" ? "PSI" : "CSI"} ${r.value.toFixed(3)}` }];
}

export function buildMonitoringReport(model: ScoreModel, current: MonthSnapshot, reference: MonthSnapshot): MonitoringReport {
  return buildReportOfAggregates(model, aggregateOf(model, current), aggregateOf(model, reference));
}

/** The report from the two months' counts (the import builds them set-based at any portfolio size). */
export function buildReportOfAggregates(model: ScoreModel, current: MonthAggregate, reference: MonthAggregate): MonitoringReport {
  const score = scorePsiOfCounts(reference.scores, current.scores);
  const csi = model.characteristics.map((c, ci) => {
    const labels = c.bins.map((b) => b.label);
    return { name: c.name, code: c.code, description: c.description, ...psiFromCounts(labels, reference.bins[ci], current.bins[ci]) };
  });

  const o = current.outcome;
  const horizon = o ? monthsBetween(current.month, o.month) : 0;
  const mature = o !== null && horizon === 1;
  const n = current.n;
  const performance: MonitoringReport["performance"] = (() => {
    if (!o || !mature) return { status: "outcome not yet known" };
    const a = aucOfCounts(current.scores);
    const bads = current.scores.reduce((s, c) => s + c.bads, 0);
    return { status: "known", auc: r6(a), ks: r6(ksOfCounts(current.scores)), gini: r6(gini(a)), defaultRate: r6(bads / n) };
  })();

  const tierMix = TIERS.map((tier) => {
    const count = current.tiers[tier];
    const referenceCount = reference.tiers[tier];
    return { tier, count, share: r6(count / Math.max(1, n)), referenceCount, referenceShare: r6(referenceCount / Math.max(1, reference.n)) };
  });

  return {
    month: current.month,
    reference: reference.month,
    modelVersion: model.version,
    n,
    scorePsi: score,
    csi,
    outcome: o ? { month: o.month, horizonMonths: horizon, mature } : null,
    performance,
    badRateByBand: o ? badRateByBandOfCounts(current.scores, model.scaling.min, model.scaling.max) : [],
    calibration: o && mature && current.calibration ? reliabilityOfBands(current.calibration) : null,
    tierMix,
    alerts: [...alertFor("score-psi", "score", score), ...csi.flatMap((c) => alertFor("csi", c.name, c))],
  };
}
