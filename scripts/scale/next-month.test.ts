import { describe, expect, it } from "vitest";
import { nextMonth, nextMonthLine } from "./next-month";

describe("SYNTHETIC next month", () => {
  const h = { id: 100_000_007, limit: 50_000, bills: [10, 20, 30, 40, 50, 60], payments: [1, 2, 3, 4, 5, 6], statuses: [-1, 0, 0, 2, 0, -2] };

  it("is the month after the latest, across a year end", () => {
    expect([nextMonth("2005-09"), nextMonth("2005-12")]).toEqual(["2005-10", "2006-01"]);
  });

  it("takes one of the borrower's own months whole (bill, payment, status together), the current limit, the same for the same seed", () => {
    const line = nextMonthLine("2005-10", h, 20051001);
    const [id, month, limit, bill, payment, status] = line.trim().split(",").map((v, i) => (i === 1 ? v : Number(v)));
    const k = h.bills.indexOf(bill as number);
    expect([id, month, limit]).toEqual([h.id, "2005-10", 50_000]);
    expect(k).toBeGreaterThanOrEqual(0);
    expect([payment, status]).toEqual([h.payments[k], h.statuses[k]]);
    expect(nextMonthLine("2005-10", h, 20051001)).toBe(line);
  });
});
