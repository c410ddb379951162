import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { decide } from "@/features/adjustments/rules";
import { aboveHardCap, overrideAuthority, overrideRules } from "./rules";
import { overrideReport } from "./report";

const settings = { overrideChangePct: 100 };
const facts = { oldLimit: 120_000, newLimit: 130_000, tier: "MEDIUM" as "LOW" | "MEDIUM" | "HIGH", monthsSinceDelay: 255 };
const codes = (f: Partial<typeof facts>) => overrideRules({ ...facts, ...f }, DEFAULT_POLICY, settings).map((r) => r.code);

describe("override rules", () => {
  it("names each broken rule of the active policy, in a fixed order", () => {
    expect(codes({})).toEqual([]);
    expect(codes({ newLimit: 5_000_000 })).toEqual(["ABOVE_MAX_LIMIT", "CHANGE_TOO_LARGE"]);
    expect(codes({ tier: "HIGH", monthsSinceDelay: 1 })).toEqual(["INCREASE_HIGH_TIER", "INCREASE_AFTER_DELAY"]);
    expect(codes({ monthsSinceDelay: 2 })).toEqual(["INCREASE_AFTER_DELAY"]);
    expect(codes({ monthsSinceDelay: 3 })).toEqual([]);
    expect(codes({ oldLimit: 20_000, newLimit: 5_000 })).toEqual(["BELOW_MIN_LIMIT"]);
    // Cuts never break the increase rules; the ratio counts both directions.
    expect(codes({ tier: "HIGH", monthsSinceDelay: 0, newLimit: 100_000 })).toEqual([]);
    expect(codes({ oldLimit: 100_000, newLimit: 200_000 })).toEqual([]);
    expect(codes({ oldLimit: 100_000, newLimit: 201_000 })).toEqual(["CHANGE_TOO_LARGE"]);
  });
  it("checks only the ratio without an active policy, and the hard ceiling apart", () => {
    expect(overrideRules({ ...facts, tier: "HIGH", newLimit: 5_000_000 }, null, settings).map((r) => r.code)).toEqual(["CHANGE_TOO_LARGE"]);
    expect(aboveHardCap(2_000_000, { maxLimitPerBorrower: 2_000_000 })).toBeNull();
    expect(aboveHardCap(2_001_000, { maxLimitPerBorrower: 2_000_000 })).toContain("NT$2,000,000");
  });
  it("needs the stricter authority, and reserves the last approval for an ADMIN", () => {
    expect(overrideAuthority(1, { overrideApprovals: 2, overrideNeedsAdmin: true })).toEqual({ requiredApprovals: 2, needsAdmin: true });
    expect(overrideAuthority(2, { overrideApprovals: 1, overrideNeedsAdmin: false })).toEqual({ requiredApprovals: 2, needsAdmin: false });
    const state = { status: "PENDING" as const, proposedById: "ana", requiredApprovals: 2, approverIds: [], needsAdmin: true };
    expect(decide(state, "mia", "APPROVE", "MANAGER")).toEqual({ ok: true, status: "PENDING", final: false });
    expect(decide({ ...state, approverIds: ["mia"] }, "max", "APPROVE", "MANAGER")).toMatchObject({ ok: false, status: 403 });
    expect(decide({ ...state, approverIds: ["mia"] }, "max", "REJECT", "MANAGER")).toMatchObject({ ok: true, status: "REJECTED" });
    expect(decide({ ...state, approverIds: ["mia"] }, "adm", "APPROVE", "ADMIN")).toMatchObject({ ok: true, status: "APPROVED" });
    expect(decide({ ...state, approverIds: ["adm"], adminApproved: true }, "mia", "APPROVE", "MANAGER")).toMatchObject({ ok: true, status: "APPROVED" });
  });
});

describe("override report", () => {
  it("gives the override rate and the overridden borrowers' outcomes per proposer, tier and month", () => {
    const row = { proposedByEmail: "a@x", tier: "HIGH", month: "2026-12", status: "APPROVED" as const, rules: ["INCREASE_HIGH_TIER"], outcome: 1 };
    const report = overrideReport([row, { ...row, outcome: 0, status: "REJECTED" }, { ...row, rules: null, outcome: 1 }, { ...row, proposedByEmail: "b@x", tier: "LOW", rules: null }]);
    expect(report.byProposer).toEqual([
      { key: "a@x", proposals: 3, overrides: 2, overrideRate: 2 / 3, approved: 1, rejected: 1, pending: 0, outcomesKnown: 2, defaulted: 1, badRate: 0.5 },
      { key: "b@x", proposals: 1, overrides: 0, overrideRate: 0, approved: 0, rejected: 0, pending: 0, outcomesKnown: 0, defaulted: 0, badRate: null },
    ]);
    expect(report.byTier.map((g) => [g.key, g.overrides])).toEqual([["HIGH", 2], ["LOW", 0]]);
    expect(report.byMonth).toHaveLength(1);
    expect(report.byRule).toEqual([{ rule: "INCREASE_HIGH_TIER", overrides: 2 }]);
  });
});
