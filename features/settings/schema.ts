import { z } from "zod";
import { int32 } from "@/lib/api/input";

export const SETTING_DEFAULTS = {
  /** Absolute limit change (NT$) above which two different approvers are needed. */
  approvalThreshold: 200_000,
  /** Days from an appeal's receipt to its decision deadline. */
  appealSlaDays: 15,
  /**
   * Hard per-borrower ceiling (NT$): no proposal, override or not, may exceed it (400), and no
   * approval applies above it (like a regulator's per-borrower cap on consumer credit lines).
   */
  maxLimitPerBorrower: 2_000_000,
  /** A manual change larger than this % of the current limit (either direction) is an override. */
  overrideChangePct: 100,
  /** Approvals an override needs (at least this many, more if the threshold asks for more). */
  overrideApprovals: 2,
  /** Whether one of an override's approvers must be an ADMIN. */
  overrideNeedsAdmin: true,
};
export type Settings = typeof SETTING_DEFAULTS;

export const settingsSchema = z.strictObject({
  approvalThreshold: int32().min(0).max(100_000_000).optional(),
  appealSlaDays: int32().min(1).max(365).optional(),
  maxLimitPerBorrower: int32().min(10_000).max(100_000_000).multipleOf(1000, "must be a whole number of thousands").optional(),
  overrideChangePct: int32().min(1).max(10_000).optional(),
  overrideApprovals: int32().min(1).max(3).optional(),
  overrideNeedsAdmin: z.boolean().optional(),
});
