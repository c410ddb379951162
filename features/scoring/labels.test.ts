import { describe, expect, it } from "vitest";
import { featureByName } from "./features";
import { binLabel } from "./labels";

describe("binLabel", () => {
  const status = featureByName("status_latest");
  const amount = featureByName("min_payment_3m");
  const ratio = featureByName("avg_utilisation_6m");
  const flag = featureByName("no_use_3m");

  it("words repayment-status ranges", () => {
    expect(binLabel(status, null, 1)).toBe("No use to revolving credit");
    expect(binLabel(status, 1, 2)).toBe("1 month late");
    expect(binLabel(status, 2, null)).toBe("2 months late or worse");
    expect(binLabel(status, 2, 4)).toBe("2 to 3 months late");
  });

  it("words the months since the latest late payment", () => {
    const recency = featureByName("months_since_late");
    expect(binLabel(recency, null, 1)).toBe("Late this month");
    expect(binLabel(recency, 1, 2)).toBe("Late 1 month ago");
    expect(binLabel(recency, 2, 4)).toBe("Late 2 to 3 months ago");
    expect(binLabel(recency, null, 3)).toBe("Late in the last 3 months");
    expect(binLabel(recency, 5, null)).toBe("Late 5 months ago or earlier, or never");
    expect(binLabel(recency, 6, null)).toBe("No late payment in the known months");
  });

  it("words amounts, ratios and flags", () => {
    expect(binLabel(amount, null, 1)).toBe("NT$0");
    expect(binLabel(amount, 1, 660)).toBe("NT$1 to under NT$660");
    expect(binLabel(amount, 4000, null)).toBe("NT$4,000 or more");
    expect(binLabel(ratio, null, 0.31)).toBe("Under 31%");
    expect(binLabel(ratio, 0.5, 0.785)).toBe("50% to under 78.5%");
    expect(binLabel(flag, null, 1)).toBe("Used in the last 3 months");
    expect(binLabel(flag, 1, null)).toBe("Not used in the last 3 months");
  });
});
