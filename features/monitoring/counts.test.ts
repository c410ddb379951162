import { describe, expect, it } from "vitest";
import { auc, ks } from "@/features/scoring/metrics";
import { reliability } from "@/features/scoring/calibration";
import { calibrationBands, scoreCounts } from "./aggregate";
import { aucOfCounts, ksOfCounts, reliabilityOfBands } from "./counts";
import { countByCuts, cutLabels, decileCuts, psiFromCounts, scorePsi } from "./psi";

// A deterministic sample with many tied scores (as real integer scores are) and a PD per score.
function sample(n: number, seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const scores = Array.from({ length: n }, () => 450 + Math.floor(next() * 60) * 5);
  const pds = scores.map((s) => Number((1 / (1 + Math.exp((s - 600) / 40))).toFixed(6)));
  const bad = pds.map((p) => +(next() < p));
  return { scores, pds, bad };
}

describe("metrics from counts equal the per-borrower metrics exactly", () => {
  for (const [n, seed] of [[1000, 1], [2347, 7], [9, 3]] as const) {
    it(`n = ${n}`, () => {
      const { scores, pds, bad } = sample(n, seed);
      const risk = scores.map((s) => -s);
      const counts = scoreCounts(scores, bad);
      if (bad.some((b) => b) && bad.some((b) => !b)) {
        expect(aucOfCounts(counts)).toBe(auc(risk, bad));
        expect(ksOfCounts(counts)).toBe(ks(risk, bad));
      }
      expect(reliabilityOfBands(calibrationBands(scores, bad, pds))).toEqual(reliability(scores, bad, pds));
    });
  }

  it("score PSI from counts equals the reference-decile formula", () => {
    const ref = sample(3001, 11).scores;
    const cur = sample(2500, 12).scores.map((s) => s + 10);
    const cuts = decileCuts(ref);
    expect(scorePsi(ref, cur)).toEqual(psiFromCounts(cutLabels(cuts), countByCuts(cuts, ref), countByCuts(cuts, cur)));
  });
});
