import { describe, expect, it } from "vitest";
import { fastGain, gradients, histogram2, pairTree, rankPairs } from "./ga2m";

// Three characteristics on 4 bins: x0 and x1 interact (bad when both are high, an AND), x2 is noise.
const n = 4800;
const x0 = Uint16Array.from({ length: n }, (_, i) => i % 4);
const x1 = Uint16Array.from({ length: n }, (_, i) => Math.floor(i / 4) % 4);
const x2 = Uint16Array.from({ length: n }, (_, i) => Math.floor(i / 16) % 4);
const y = Array.from({ length: n }, (_, i) => (x0[i] >= 2 && x1[i] >= 2 ? (i % 10 < 6 ? 1 : 0) : i % 10 < 1 ? 1 : 0));
const grad = () => gradients(new Float64Array(n), y, { g: new Float64Array(n), h: new Float64Array(n) });

describe("gradients and histogram2", () => {
  it("gives q - y and q(1 - q) at F, summed per cell a * kb + b", () => {
    const gr = grad();
    expect(gr.g[0]).toBe(0.5 - y[0]);
    expect(gr.h[0]).toBe(0.25);
    const { G, H, C } = histogram2(x0, x1, 4, 4, gr);
    expect(C.reduce((s, v) => s + v, 0)).toBe(n);
    expect(C[2 * 4 + 3]).toBe(n / 16);
    expect(H[0]).toBe(0.25 * (n / 16));
    const bads = y.filter((v, i) => v === 1 && x0[i] === 3 && x1[i] === 3).length;
    expect(G[15]).toBeCloseTo(0.5 * (n / 16) - bads, 9);
  });
});

describe("fastGain and rankPairs", () => {
  it("ranks the interacting pair first, the noise pairs far below", () => {
    const ranked = rankPairs([x0, x1, x2], [4, 4, 4], grad(), 1, 50);
    expect(ranked).toHaveLength(3);
    expect(ranked[0]).toMatchObject({ a: 0, b: 1 });
    expect(ranked[1].gain).toBeLessThan(ranked[0].gain / 2);
  });

  it("is 0 when no quadrant split leaves every quadrant minLeaf rows", () => {
    const { G, H, C } = histogram2(x0, x1, 4, 4, grad());
    expect(fastGain(G, H, C, 4, 4, 1, n)).toBe(0);
  });
});

describe("pairTree", () => {
  it("finds the high-high corner and scales its leaf values by the learning rate", () => {
    const { G, H, C } = histogram2(x0, x1, 4, 4, grad());
    const full = pairTree(G, H, C, 4, 4, 1, 100, 1);
    const half = pairTree(G, H, C, 4, 4, 1, 100, 0.5);
    if (!full || !half) throw new Error("no tree");
    half.delta.forEach((v, c) => expect(v).toBeCloseTo(full.delta[c] / 2, 12));
    // The corner (x0 >= 2, x1 >= 2) is one leaf, riskier than every other cell.
    const corner = full.delta[3 * 4 + 3];
    for (const c of [10, 11, 14, 15]) expect(full.delta[c]).toBe(corner);
    for (const c of [0, 1, 4, 5, 2, 3, 8, 12]) expect(full.delta[c]).toBeLessThan(corner);
  });

  it("returns null when leaves of minLeaf rows cannot be made", () => {
    const { G, H, C } = histogram2(x0, x1, 4, 4, grad());
    expect(pairTree(G, H, C, 4, 4, 1, n, 1)).toBeNull();
  });
});
