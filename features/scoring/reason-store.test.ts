import { describe, expect, it } from "vitest";
import { readReasons, reasonText, storeReasons } from "./reason-store";
import { loadModel } from "./model-types";

describe("stored reason codes", () => {
  const model = loadModel();

  it("the registry's words are the active model's, for every bin that can be a reason", () => {
    for (const c of model.characteristics) {
      expect(reasonText(c.code), c.code).toBe(c.reasonText);
      if (c.positiveText) expect(reasonText(c.code, "p"), c.code).toBe(c.positiveText);
      for (const b of c.bins) if (b.reasonText) expect(reasonText(c.code, "o"), c.code).toBe(b.reasonText);
    }
  });

  it("round-trips adverse, other-side, positive and manual (no points) reasons", () => {
    const withOther = model.characteristics.find((c) => c.bins.some((b) => b.reasonText))!;
    const other = withOther.bins.find((b) => b.reasonText)!.reasonText!;
    const first = model.characteristics[0];
    const list = [
      { code: first.code, text: first.reasonText, pointsLost: 31 },
      { code: withOther.code, text: other, pointsLost: 7 },
      { code: first.code, text: first.positiveText!, pointsLost: null },
      { code: "RC02", text: reasonText("RC02"), pointsLost: null },
    ];
    const stored = storeReasons(list);
    expect(stored).toEqual([[first.code, 31], [withOther.code, 7, "o"], [first.code, null, "p"], ["RC02", null]]);
    expect(readReasons(JSON.parse(JSON.stringify(stored)))).toEqual(list);
  });

  it("is a fraction of the size of the list with words", () => {
    const list = model.characteristics.map((c, i) => ({ code: c.code, text: c.reasonText, pointsLost: i + 10 }));
    expect(JSON.stringify(storeReasons(list)).length * 3).toBeLessThan(JSON.stringify(list).length);
  });

  it("reads rows written before the tuple form and drops what is not a reason", () => {
    expect(readReasons([{ code: "RC01", text: "Latest payment was late", pointsLost: 12 }, { code: "RC05" }, 3, null, ["RC01", "x", "z"], [7]])).toEqual([
      { code: "RC01", text: "Latest payment was late", pointsLost: 12 },
      { code: "RC05", text: reasonText("RC05"), pointsLost: null },
      { code: "RC01", text: reasonText("RC01"), pointsLost: null },
    ]);
    expect(readReasons({ code: "RC01" })).toEqual([]);
    expect(readReasons(null)).toEqual([]);
    expect(reasonText("RC99")).toBe("RC99");
  });
});
