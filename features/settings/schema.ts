import { z } from "zod";

export const SETTING_DEFAULTS = {
  /** Absolute limit change (NT$) above which two different approvers are needed. */
  approvalThreshold: 200_000,
  /** Days from an appeal's receipt to its decision deadline. */
  appealSlaDays: 15,
};
export type Settings = typeof SETTING_DEFAULTS;

export const settingsSchema = z.strictObject({
  approvalThreshold: z.number().int().min(0).max(100_000_000).optional(),
  appealSlaDays: z.number().int().min(1).max(365).optional(),
});
