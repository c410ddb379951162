import { describe, expect, it } from "vitest";
import { noticeText } from "./notice";

describe("borrower notice", () => {
  it("states the old and new limit, the date and the reasons in words", () => {
    const text = noticeText({ oldLimit: 200000, newLimit: 140000, effectiveDate: new Date("2026-01-15T00:00:00Z"), reasons: ["Latest payment was late"] });
    expect(text).toContain("from NT$200,000 to NT$140,000 on 2026-01-15");
    expect(text).toContain("The main reasons: Latest payment was late.");
  });
});
