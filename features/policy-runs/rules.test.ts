import { describe, expect, it } from "vitest";
import { decideRunRule } from "./rules";

const run = (over: Partial<Parameters<typeof decideRunRule>[0]> = {}) => ({ status: "PENDING_APPROVAL", createdById: "starter", requiredApprovals: 1, approverIds: [], ...over });

describe("run-level maker-checker", () => {
  it("never lets the starter decide", () => {
    expect(decideRunRule(run(), "starter", "APPROVE")).toMatchObject({ ok: false, status: 403 });
    expect(decideRunRule(run(), "starter", "REJECT")).toMatchObject({ ok: false, status: 403 });
  });
  it("applies after one approval, or after two different approvers above the run threshold", () => {
    expect(decideRunRule(run(), "m1", "APPROVE")).toEqual({ ok: true, next: "APPROVING" });
    expect(decideRunRule(run({ requiredApprovals: 2 }), "m1", "APPROVE")).toEqual({ ok: true, next: "PENDING_APPROVAL" });
    expect(decideRunRule(run({ requiredApprovals: 2, approverIds: ["m1"] }), "m1", "APPROVE")).toMatchObject({ ok: false, status: 409 });
    expect(decideRunRule(run({ requiredApprovals: 2, approverIds: ["m1"] }), "m2", "APPROVE")).toEqual({ ok: true, next: "APPROVING" });
  });
  it("lets one rejection end it, and refuses decisions on a decided run (resuming a lost job)", () => {
    expect(decideRunRule(run({ requiredApprovals: 2, approverIds: ["m1"] }), "m2", "REJECT")).toEqual({ ok: true, next: "REJECTING" });
    expect(decideRunRule(run({ status: "APPROVING" }), "m2", "APPROVE")).toMatchObject({ ok: false, status: 409, resume: true });
    expect(decideRunRule(run({ status: "APPLIED" }), "m2", "APPROVE")).toMatchObject({ ok: false, status: 409, resume: false });
    expect(decideRunRule(run({ status: "COMPUTING" }), "m2", "REJECT")).toMatchObject({ ok: false, status: 409, resume: false });
  });
});
