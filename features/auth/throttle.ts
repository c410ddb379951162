// Log-in throttling. Failures are counted from the audit trail (every failed log-in is an
// audit event anyway), so the limit holds across restarts and across server instances.
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
} as const;

export function isThrottled(failures: { account: number; address: number }, limits = THROTTLE): boolean {
  return failures.account >= limits.maxFailuresPerAccount || failures.address >= limits.maxFailuresPerAddress;
}

export function windowStart(now: Date, limits = THROTTLE): Date {
  return new Date(now.getTime() - limits.windowMinutes * 60_000);
}
