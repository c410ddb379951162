import { describe, expect, it } from "vitest";
import { columnsFromRecords } from "@/features/policy/preview/columns";
import { bootstrapColumns } from "./bootstrap";

const base = columnsFromRecords(
  [720, 480, 610].map((score, i) => ({ id: i + 1, score, pd: score / 1000, limit: score * 100, balance: i, statuses: [i], outcome: i % 2, sex: 1 + (i % 2), age: 20 + 20 * i })),
  "2005-09",
);

describe("bootstrapColumns", () => {
  it("samples whole rows, in score order, with new ids, the same for the same seed", () => {
    const c = bootstrapColumns(base, 1_000, 7);
    expect(c.n).toBe(1_000);
    expect([...c.id].sort((a, b) => a - b)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
    for (let i = 0; i < c.n; i++) {
      const j = base.score.indexOf(c.score[i]);
      expect([c.pd[i], c.limit[i], c.balance[i], c.monthsSinceDelay[i], c.outcome[i], c.sex[i], c.ageBand[i]])
        .toEqual([base.pd[j], base.limit[j], base.balance[j], base.monthsSinceDelay[j], base.outcome[j], base.sex[j], base.ageBand[j]]);
      if (i > 0) expect(c.score[i]).toBeGreaterThanOrEqual(c.score[i - 1]);
    }
    expect(new Set(c.score).size).toBe(3);
    expect(bootstrapColumns(base, 1_000, 7)).toEqual(c);
  });
});
