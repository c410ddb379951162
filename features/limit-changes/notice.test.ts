import { describe, expect, it } from "vitest";
import { cancellationText, increaseText, noticeText, restoredText } from "./notice";
import { ADVICE, adviceFor, OTHER_SIDE_ADVICE, positiveReasonsFor, reasonsForChange } from "./reasons";
import { loadModel } from "@/features/scoring/model-types";

const when = new Date("2026-01-15T00:00:00Z");

describe("borrower notice", () => {
  it("states the old and new limit, the date, the credit left, the reasons and advice in words", () => {
    const text = noticeText({ oldLimit: 200000, newLimit: 140000, effectiveDate: when, reasons: ["Latest payment was late"], balance: 61_500, advice: ["paying at least the minimum on time for three months"] });
    expect(text).toContain("from NT$200,000 to NT$140,000 on 2026-01-15");
    expect(text).toContain("With your current balance of NT$61,500 you will have NT$78,500 available.");
    expect(text).toContain("The main reasons: Latest payment was late.");
    expect(text).toContain("What you can do: paying at least the minimum on time for three months would improve your standing most.");
  });
  it("gives the credit available in increase, cancellation and restored notices", () => {
    expect(increaseText({ oldLimit: 90_000, newLimit: 104_000, effectiveDate: when, reasons: ["Latest payment was on time"], balance: -500 })).toBe(
      "Your credit limit has been raised from NT$90,000 to NT$104,000 as of 2026-01-15. With your current balance of NT$0 you have NT$104,000 available. Thank you: Latest payment was on time.",
    );
    expect(cancellationText({ oldLimit: 200_000, newLimit: 140_000, effectiveDate: when, why: "your appeal was upheld", balance: 50_000 })).toContain("Your limit stays NT$200,000. With your current balance of NT$50,000 you have NT$150,000 available.");
    expect(restoredText({ fromLimit: 140_000, toLimit: 200_000, balance: 50_000 })).toContain("back from NT$140,000 to NT$200,000");
  });
});

describe("reasons for a change", () => {
  const model = loadModel();
  it("advises on the characteristics where most points can be gained", () => {
    const codes = [{ code: "RC08", text: "x", pointsLost: 5 }, { code: "RC05", text: "y", pointsLost: 30 }, { code: "RC01", text: "z", pointsLost: 12 }];
    expect(adviceFor(codes)).toEqual(["paying at least the minimum on time for three months", "paying at least the minimum on time next month"]);
    expect(adviceFor([{ code: "RC05", text: "y", pointsLost: null }])).toEqual([]);
  });
  it("advises the opposite on the other side of a learned shape, and covers every characteristic", () => {
    for (const c of model.characteristics) {
      expect(ADVICE.has(c.code)).toBe(true);
      const other = c.bins.find((b) => b.reasonText);
      if (other) expect(adviceFor([{ code: c.code, text: other.reasonText!, pointsLost: 9 }])).toEqual([OTHER_SIDE_ADVICE.get(c.code)]);
    }
    expect(adviceFor([{ code: "RC08", text: "Little or no use of the credit line over the last 6 months", pointsLost: 9 }])).toEqual(["using your card for regular purchases and paying them off"]);
    expect(adviceFor([{ code: "RC08", text: "Balances have been high relative to the credit limit", pointsLost: 9 }])).toEqual(["keeping your balance well below your limit"]);
  });
  it("never gives an increase an adverse reason", () => {
    const adverse = model.characteristics.flatMap((c) => [c.reasonText, ...c.bins.flatMap((b) => (b.reasonText ? [b.reasonText] : []))]);
    const positive = positiveReasonsFor([]); // best bins everywhere
    expect(positive.length).toBeGreaterThan(0);
    for (const r of positive) expect(adverse).not.toContain(r.text);
    const picked = reasonsForChange(14_000, [{ code: "RC01", text: "Latest payment was late", pointsLost: null }]);
    expect(picked).toEqual([{ code: "RC01", text: "Latest payment was on time", pointsLost: null }]);
    const cut = [{ code: "RC01", text: "Latest payment was late", pointsLost: 20 }];
    expect(reasonsForChange(-10_000, cut)).toEqual(cut);
    // With the full adverse list the scorecard's positive reasons exclude the losing characteristic.
    const lost = model.characteristics.map((c) => ({ code: c.code, text: c.reasonText, pointsLost: c.code === "RC01" ? 50 : 0 })).filter((c) => c.pointsLost > 0);
    expect(positiveReasonsFor(lost).map((r) => r.code)).not.toContain("RC01");
  });
});
