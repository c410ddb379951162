import { describe, expect, it } from "vitest";
import { decide, effectiveDate, requiredApprovals, type AdjustmentState } from "./rules";

const pending: AdjustmentState = { status: "PENDING", proposedById: "ana", requiredApprovals: 1, approverIds: [] };

describe("adjustment decisions", () => {
  it("needs two approvers only above the threshold", () => {
    expect(requiredApprovals(100_000, 300_000, 200_000)).toBe(1);
    expect(requiredApprovals(100_000, 300_001, 200_000)).toBe(2);
    expect(requiredApprovals(500_000, 200_000, 200_000)).toBe(2);
  });
  it("refuses the proposer with 403, a decided one with 409", () => {
    expect(decide(pending, "ana", "APPROVE")).toMatchObject({ ok: false, status: 403 });
    expect(decide({ ...pending, status: "APPROVED" }, "mia", "APPROVE")).toMatchObject({ ok: false, status: 409 });
  });
  it("counts two different approvers and lets any rejection end it", () => {
    const two = { ...pending, requiredApprovals: 2 };
    expect(decide(two, "mia", "APPROVE")).toEqual({ ok: true, status: "PENDING", final: false });
    const one = { ...two, approverIds: ["mia"] };
    expect(decide(one, "mia", "APPROVE")).toMatchObject({ ok: false, status: 409 });
    expect(decide(one, "marco", "APPROVE")).toEqual({ ok: true, status: "APPROVED", final: true });
    expect(decide(one, "marco", "REJECT")).toEqual({ ok: true, status: "REJECTED", final: true });
  });
  it("schedules decreases after the notice period and increases at once", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(effectiveDate(100, 200, 45, now)).toEqual(now);
    expect(effectiveDate(200, 100, 45, now).toISOString()).toBe("2026-02-15T00:00:00.000Z");
  });
});
