import { describe, expect, it } from "vitest";
import { allowedActions, checkTransition } from "./lifecycle";
import { diffConfigs } from "./diff";
import { DEFAULT_POLICY } from "./defaults";

const draft = { status: "DRAFT" as const, authorId: "ana" };
const submitted = { status: "SUBMITTED" as const, authorId: "ana" };

describe("policy lifecycle", () => {
  it("lets only the author edit and submit a draft", () => {
    expect(checkTransition(draft, "submit", "ana")).toEqual({ ok: true });
    expect(checkTransition(draft, "edit", "mia")).toMatchObject({ ok: false, status: 403 });
  });
  it("refuses self-approval with 403 before looking at the state", () => {
    expect(checkTransition(submitted, "approve", "ana")).toMatchObject({ ok: false, status: 403 });
    expect(checkTransition({ ...submitted, status: "APPROVED" }, "approve", "ana")).toMatchObject({ status: 403 });
    expect(checkTransition(submitted, "approve", "mia")).toEqual({ ok: true });
  });
  it("answers 409 for a transition from the wrong state", () => {
    expect(checkTransition({ ...submitted, status: "APPROVED" }, "approve", "mia")).toMatchObject({ ok: false, status: 409 });
    expect(checkTransition(submitted, "edit", "ana")).toMatchObject({ status: 409 });
    expect(checkTransition({ ...submitted, status: "ACTIVE" }, "activate", "mia")).toMatchObject({ status: 409 });
  });
  it("lists the actions a user may take", () => {
    expect(allowedActions(submitted, "mia", () => true)).toEqual(["approve", "reject"]);
    expect(allowedActions(submitted, "mia", (a) => a !== "reject")).toEqual(["approve"]);
    expect(allowedActions(draft, "ana", () => true)).toEqual(["edit", "submit"]);
  });
});

describe("policy diff", () => {
  it("lists changed fields with dotted names", () => {
    const to = { ...DEFAULT_POLICY, cutoffs: { ...DEFAULT_POLICY.cutoffs, low: 720 }, lgd: 0.5 };
    expect(diffConfigs(DEFAULT_POLICY, to)).toEqual([
      { field: "cutoffs.low", from: DEFAULT_POLICY.cutoffs.low, to: 720 },
      { field: "lgd", from: 0.45, to: 0.5 },
    ]);
    expect(diffConfigs(DEFAULT_POLICY, DEFAULT_POLICY)).toEqual([]);
  });
});
