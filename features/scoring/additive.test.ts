import { describe, expect, it } from "vitest";
import { fitAdditive } from "./additive";
import { fitAdditivePoints } from "./fit-additive";
import { featureByName } from "./features";

// Two characteristics on 4 bins each: x0 raises risk steadily, x1 is U-shaped (bins 0 and 3 risky).
const n = 4000;
const b0 = Uint16Array.from({ length: n }, (_, i) => i % 4);
const b1 = Uint16Array.from({ length: n }, (_, i) => Math.floor(i / 4) % 4);
const risk = [0.05, 0.1, 0.2, 0.4];
const u = [0.3, 0.1, 0.1, 0.3];
// Deterministic outcomes with the intended bad rates: row i is bad when its rank in its cell is low.
const seen = new Map<string, number>();
const y = Array.from({ length: n }, (_, i) => {
  const key = `${b0[i]}-${b1[i]}`;
  const k = seen.get(key) ?? 0;
  seen.set(key, k + 1);
  return (k % 20) / 20 < (risk[b0[i]] + u[b1[i]]) / 2 ? 1 : 0;
});

describe("fitAdditive", () => {
  it("is deterministic and centred: each step function averages zero on the sample", () => {
    const a = fitAdditive([b0, b1], [4, 4], ["up", "none"], y, { minLeaf: 100 });
    expect(fitAdditive([b0, b1], [4, 4], ["up", "none"], y, { minLeaf: 100 })).toEqual(a);
    for (const v of a.values) expect(Math.abs(v.reduce((s, x) => s + x, 0) / 4)).toBeLessThan(1e-9);
  });

  it("keeps a monotone characteristic monotone and learns a free one's U shape", () => {
    const { values } = fitAdditive([b0, b1], [4, 4], ["up", "none"], y, { minLeaf: 100 });
    values[0].slice(1).forEach((v, k) => expect(v).toBeGreaterThanOrEqual(values[0][k]));
    expect(values[1][0]).toBeGreaterThan(values[1][1]);
    expect(values[1][3]).toBeGreaterThan(values[1][2]);
    // Forced the wrong way ("down" on a rising risk), a characteristic gets no split at all.
    const wrong = fitAdditive([b0], [4], ["down"], y, { minLeaf: 100 });
    expect(new Set(wrong.values[0]).size).toBe(1);
  });
});

describe("fitAdditivePoints", () => {
  it("gives the other-side reason only to bins beyond the safest one of a learned-shape characteristic", () => {
    const util = { ...featureByName("avg_utilisation_6m"), otherSideReasonText: "Little use" };
    const values = Array.from({ length: n }, (_, i) => [0.01, 0.2, 0.5, 0.95][b1[i]]);
    const trend = Array.from({ length: n }, (_, i) => [0.0, 0.3, 0.6, 0.9][b0[i]]);
    const { characteristics: [shape, mono] } = fitAdditivePoints([util, featureByName("max_utilisation_6m")], [values, trend], y, { rounds: 200, learningRate: 0.2, minLeaf: 100, l2: 1, fineBins: 8, minShare: 0.05 }, { factor: 100, offset: 500 });
    const best = Math.max(...shape.bins.map((b) => b.points));
    const first = shape.bins.findIndex((b) => b.points === best);
    shape.bins.forEach((b, k) => expect(b.reasonText).toBe(k < first ? "Little use" : undefined));
    expect(shape.bins[0].reasonText).toBe("Little use");
    expect(shape.shape).toBe("learned");
    expect(mono.shape).toBe("monotone");
    mono.bins.slice(1).forEach((b, k) => expect(b.points).toBeLessThanOrEqual(mono.bins[k].points));
  });
});
