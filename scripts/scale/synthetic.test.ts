import { describe, expect, it } from "vitest";
import { loadUciCsv } from "@/features/import/csv";
import { balanceOf } from "@/features/borrowers/score-rows";
import { LIMIT_STEP, SYNTHETIC_ID_BASE, sourceIndex, syntheticBorrower, syntheticBorrowers } from "./synthetic";

const { rows: base } = loadUciCsv();
const N = 50_000;
const signature = (b: ReturnType<typeof syntheticBorrower>) =>
  [b.limit, b.sex, b.education, b.marriage, b.age, b.outcome, ...b.months.flatMap((m) => [m.bill, m.payment, m.status])].join(",");

describe("synthetic scale borrowers", () => {
  const rows = [...syntheticBorrowers(base, 0, N)];

  it("are deterministic per seed and position, and differ with another seed", () => {
    expect(base).toHaveLength(30_000);
    expect([...syntheticBorrowers(base, 0, 200)]).toEqual(rows.slice(0, 200));
    expect(syntheticBorrower(base, 31_337)).toEqual(rows[31_337]);
    const other = [...syntheticBorrowers(base, 0, 200, 7)];
    expect(other.filter((b, i) => signature(b) === signature(rows[i])).length).toBe(0);
  });

  it("are almost all distinct rows, unlike a plain bootstrap", () => {
    const distinct = new Set(rows.map(signature)).size;
    expect(distinct / N).toBeGreaterThan(0.99);
  });

  it("carry ids outside the real range and plausible, consistent amounts", () => {
    const ids = rows.map((b) => b.id);
    expect(ids[0]).toBe(SYNTHETIC_ID_BASE + 1);
    expect(ids[N - 1]).toBe(SYNTHETIC_ID_BASE + N);
    // Collected, then asserted once: 50,000 rows × 20 expects would dominate the run time.
    const bad = rows.filter((b) =>
      b.limit % LIMIT_STEP !== 0 || b.limit < 10_000 || b.limit > 1_000_000 || b.age < 21 || b.age > 79 || b.months.length !== 6 ||
      b.months.some((m) => !Number.isInteger(m.bill) || !Number.isInteger(m.payment) || m.payment < 0 || balanceOf(m.bill) !== Math.max(m.bill, 0)));
    expect(bad).toEqual([]);
  });

  it("keep the source's statuses, zeros, signs and its utilisation within ±14 %", () => {
    for (let k = 0; k < 10_000; k++) {
      const b = rows[k];
      const src = base[sourceIndex(base.length, k)];
      expect([b.sex, b.education, b.marriage, b.outcome]).toEqual([src.sex, src.education, src.marriage, src.outcome]);
      expect(Math.abs(b.age - src.age)).toBeLessThanOrEqual(2);
      src.months.forEach((m, i) => {
        const s = b.months[i];
        expect(s.status).toBe(m.status);
        expect(Math.sign(s.payment)).toBe(Math.sign(m.payment));
        if (Math.abs(m.bill) > 1_000) {
          expect(Math.sign(s.bill)).toBe(Math.sign(m.bill));
          const ratio = s.bill / b.limit / (m.bill / src.limit);
          expect(ratio).toBeGreaterThan(0.87);
          expect(ratio).toBeLessThan(1.14);
        }
        if (i > 0 && m.payment > 0 && m.payment === src.months[i - 1].bill) expect(s.payment).toBe(b.months[i - 1].bill);
      });
    }
  });
});
