import { describe, expect, it } from "vitest";
import { tierChange, tierFor } from "./tiering";
import { policyConfigSchema } from "./schema";
import { DEFAULT_POLICY } from "./defaults";

describe("tiering", () => {
  const cutoffs = { low: 650, medium: 550 };
  it("puts a score on a cut-off into the safer tier", () => {
    expect(tierFor(650, cutoffs)).toBe("LOW");
    expect(tierFor(649, cutoffs)).toBe("MEDIUM");
    expect(tierFor(550, cutoffs)).toBe("MEDIUM");
    expect(tierFor(549, cutoffs)).toBe("HIGH");
  });
  it("signs tier changes by risk", () => {
    expect(tierChange("LOW", "HIGH")).toBe(1);
    expect(tierChange("HIGH", "MEDIUM")).toBe(-1);
    expect(tierChange("MEDIUM", "MEDIUM")).toBe(0);
    expect(tierChange(null, "HIGH")).toBe(0);
  });
  it("accepts the default policy and lists every bad field of a bad one", () => {
    expect(policyConfigSchema.safeParse(DEFAULT_POLICY).success).toBe(true);
    const bad = policyConfigSchema.safeParse({ ...DEFAULT_POLICY, lgd: 2, minLimit: 2_000_000, cutoffs: { low: 500, medium: 600 } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["lgd", "minLimit", "cutoffs.low"]));
  });
});

describe("policy request bodies", () => {
  it("answers a copy request and an empty body with issues, not an exception", async () => {
    const { createPolicySchema, previewBodySchema } = await import("./schema");
    expect(createPolicySchema.safeParse({ basedOnId: "abc" }).success).toBe(true);
    expect(previewBodySchema.safeParse({}).success).toBe(false);
    expect(createPolicySchema.safeParse({ config: null }).success).toBe(false);
  });
});
