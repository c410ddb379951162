import { describe, expect, it } from "vitest";
import { formatDuration, progressFigures } from "./eta";
import { jobView } from "./view";

const t0 = Date.parse("2026-12-01T10:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("progressFigures", () => {
  it("extrapolates the time left from the rate so far", () => {
    expect(progressFigures({ done: 250, total: 1000, startedAt: iso(t0), finishedAt: null }, t0 + 10_000)).toEqual({ percent: 25, elapsedMs: 10_000, etaMs: 30_000 });
  });
  it("has no percent or ETA while the total is unknown, and no ETA before any work", () => {
    expect(progressFigures({ done: 5, total: null, startedAt: iso(t0), finishedAt: null }, t0 + 1_000)).toEqual({ percent: null, elapsedMs: 1_000, etaMs: null });
    expect(progressFigures({ done: 0, total: 10, startedAt: null, finishedAt: null }, t0)).toEqual({ percent: 0, elapsedMs: 0, etaMs: null });
  });
  it("stops the clock at the finish and clamps done to the total", () => {
    expect(progressFigures({ done: 12, total: 10, startedAt: iso(t0), finishedAt: iso(t0 + 4_000) }, t0 + 60_000)).toEqual({ percent: 100, elapsedMs: 4_000, etaMs: 0 });
  });
});

describe("formatDuration", () => {
  it("uses seconds, then minutes, then hours", () => {
    expect([0, 42_000, 185_000, 3_720_000].map(formatDuration)).toEqual(["0 s", "42 s", "3 min 05 s", "1 h 02 min"]);
  });
});

describe("jobView", () => {
  const row = { id: "j", kind: "k", done: 1, total: 2, createdAt: new Date(t0), startedAt: new Date(t0), finishedAt: null, result: { n: 1 }, error: "boom" };
  it("shows the result only when succeeded and the error only when failed", () => {
    expect(jobView({ ...row, status: "running" })).not.toHaveProperty("result");
    expect(jobView({ ...row, status: "running" })).not.toHaveProperty("error");
    expect(jobView({ ...row, status: "succeeded" }).result).toEqual({ n: 1 });
    expect(jobView({ ...row, status: "failed" }).error).toBe("boom");
  });
});
