import { describe, expect, it } from "vitest";
import { harmoniseStatus, harmonisedStatuses } from "./harmonise";
import { MONTHS } from "@/features/import/types";

const hist = (codes: number[]) => codes.map((status, i) => ({ month: MONTHS[i], bill: 0, payment: 0, status }));

describe("harmoniseStatus", () => {
  it("maps code 1 to the previous month's status when that was not late, to 2 when it was", () => {
    expect(harmoniseStatus(1, -2)).toBe(-2);
    expect(harmoniseStatus(1, -1)).toBe(-1);
    expect(harmoniseStatus(1, 0)).toBe(0);
    expect(harmoniseStatus(1, 2)).toBe(2);
    expect(harmoniseStatus(1, 5)).toBe(2);
    expect(harmoniseStatus(1, null)).toBe(0);
  });

  it("keeps every other code", () => {
    for (const s of [-2, -1, 0, 2, 3, 8]) expect(harmoniseStatus(s, 0)).toBe(s);
  });

  it("chains through the history using only earlier months", () => {
    expect(harmonisedStatuses(hist([1, 1, 2, 1, -1, 1]))).toEqual([0, 0, 2, 2, -1, -1]);
    expect(harmonisedStatuses(hist([-2, 1, 1]))).toEqual([-2, -2, -2]);
  });
});
