import { z } from "zod";
import { int32 } from "@/lib/api/input";

export const SETTING_DEFAULTS = {
  /** Absolute limit change (NT$) above which two different approvers are needed. */
  approvalThreshold: 200_000,
  /** Days from an appeal's receipt to its decision deadline. */
  appealSlaDays: 15,
  /** A policy run whose total absolute change (NT$, items decided by the run) exceeds this needs two different approvers. */
  runApprovalThreshold: 100_000_000,
};
export type Settings = typeof SETTING_DEFAULTS;

export const settingsSchema = z.strictObject({
  approvalThreshold: int32().min(0).max(100_000_000).optional(),
  appealSlaDays: int32().min(1).max(365).optional(),
  runApprovalThreshold: int32().min(0).optional(),
});
