// Log-in throttling policy (pure). Three counters per 15-minute window, kept in LoginThrottle:
// - pair    (account, address): 5 failures, then that address waits for the window to end;
// - address (any account):      30 failures, then that address waits (password spraying);
// - account (any address):      after 10 failures, attempts from addresses that already failed
//   on this account are spaced out by a growing delay (2 s, 4 s, … 60 s).
// No counter ever refuses the owner on a clean address: the account limit slows suspects down,
// it does not lock the account (a lock would let anyone block any user without logging in).
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerPair: 5,
  maxFailuresPerAddress: 30,
  accountSlowdownAfter: 10,
  maxDelaySeconds: 60,
} as const;

export type Limits = typeof THROTTLE;

/** A counter after this attempt was added to it. */
export type Counter = { failures: number; windowStart: Date; nextAllowedAt: Date | null };

export type Decision =
  | { allowed: true; nextAllowedAt: Date | null }
  | { allowed: false; scope: "pair" | "address" | "account"; retryAfterSeconds: number };

export function windowStart(now: Date, limits: Limits = THROTTLE): Date {
  return new Date(now.getTime() - limits.windowMinutes * 60_000);
}

function secondsUntil(at: Date, now: Date) {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

function windowEnd(c: Counter, limits: Limits) {
  return new Date(c.windowStart.getTime() + limits.windowMinutes * 60_000);
}

/** Delay imposed by the account counter once it passed the slow-down threshold. */
export function accountDelaySeconds(failures: number, limits: Limits = THROTTLE): number {
  const over = failures - limits.accountSlowdownAfter;
  return over <= 0 ? 0 : Math.min(2 ** over, limits.maxDelaySeconds);
}

/**
 * Whether this attempt may be evaluated. Each counter already includes this attempt, so under
 * concurrency the n-th attempt sees n and at most the limit of them pass.
 */
export function decide(c: { pair: Counter; address: Counter; account: Counter }, now: Date, limits: Limits = THROTTLE): Decision {
  if (c.pair.failures > limits.maxFailuresPerPair) return { allowed: false, scope: "pair", retryAfterSeconds: secondsUntil(windowEnd(c.pair, limits), now) };
  if (c.address.failures > limits.maxFailuresPerAddress) return { allowed: false, scope: "address", retryAfterSeconds: secondsUntil(windowEnd(c.address, limits), now) };
  const suspect = c.pair.failures > 1; // this address already failed on this account in the window
  const delay = accountDelaySeconds(c.account.failures, limits);
  if (!suspect || delay === 0) return { allowed: true, nextAllowedAt: c.account.nextAllowedAt };
  if (c.account.nextAllowedAt && c.account.nextAllowedAt > now) {
    return { allowed: false, scope: "account", retryAfterSeconds: secondsUntil(c.account.nextAllowedAt, now) };
  }
  return { allowed: true, nextAllowedAt: new Date(now.getTime() + delay * 1000) };
}

export function throttledMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed attempts. Wait ${wait} and try again.`;
}
