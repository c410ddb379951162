import { describe, expect, it } from "vitest";
import { accountDelaySeconds, decide, THROTTLE } from "./throttle";

const now = new Date("2026-12-01T12:00:00Z");
const c = (failures: number, nextAllowedAt: Date | null = null) => ({ failures, windowStart: new Date(now.getTime() - 60_000), nextAllowedAt });

describe("throttle decisions", () => {
  it("refuses the pair past its limit until its window ends", () => {
    const d = decide({ pair: c(THROTTLE.maxFailuresPerPair + 1), address: c(6), account: c(6) }, now);
    expect(d).toEqual({ allowed: false, scope: "pair", retryAfterSeconds: 14 * 60 });
  });

  it("never refuses a clean address because of the account's failures", () => {
    expect(decide({ pair: c(1), address: c(1), account: c(500, new Date(now.getTime() + 30_000)) }, now).allowed).toBe(true);
  });

  it("spaces out suspect addresses with a growing, capped delay", () => {
    expect(accountDelaySeconds(THROTTLE.accountSlowdownAfter)).toBe(0);
    expect(accountDelaySeconds(THROTTLE.accountSlowdownAfter + 1)).toBe(2);
    expect(accountDelaySeconds(THROTTLE.accountSlowdownAfter + 3)).toBe(8);
    expect(accountDelaySeconds(1000)).toBe(THROTTLE.maxDelaySeconds);
    const early = decide({ pair: c(2), address: c(2), account: c(12, new Date(now.getTime() + 3_500)) }, now);
    expect(early).toEqual({ allowed: false, scope: "account", retryAfterSeconds: 4 });
    const due = decide({ pair: c(2), address: c(2), account: c(12, new Date(now.getTime() - 1)) }, now);
    expect(due).toEqual({ allowed: true, nextAllowedAt: new Date(now.getTime() + 4_000) });
  });
});
