// Log-in throttling against a real database: parallel guesses, lock-out resistance, spraying,
// the per-account slow-down, the failure table and the rate-limited audit summary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, ThrottledError } from "@/features/auth/authenticate";
import { THROTTLE } from "@/features/auth/throttle";
import { ensureUsers } from "@/features/users/mutations";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

const PASSWORD = "correct horse battery";
const users = ["owner@example.com", "victim@example.com", "slow@example.com", ...Array.from({ length: 6 }, (_, i) => `spray${i}@example.com`)];

async function attempt(email: string, password: string, address: string) {
  try {
    return (await authenticate({ email, password }, address)) ? "ok" : "wrong";
  } catch (err) {
    if (err instanceof ThrottledError) return "throttled";
    throw err;
  }
}

describe(`log-in throttle on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
    await ensureUsers(users.map((email) => ({ email, name: email, role: "ANALYST" as const })), PASSWORD);
  });
  afterAll(async () => closeAppDb(db));

  it("evaluates at most the limit of 30 parallel guesses, and the owner still gets in from another address", async () => {
    const prisma = await getPrisma();
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt("owner@example.com", "guess", "203.0.113.7")));
    expect(results.filter((r) => r === "wrong")).toHaveLength(THROTTLE.maxFailuresPerPair);
    expect(results.filter((r) => r === "throttled")).toHaveLength(30 - THROTTLE.maxFailuresPerPair);
    const stored = await prisma.loginFailure.groupBy({ by: ["reason"], where: { email: "owner@example.com" }, _count: true });
    expect(Object.fromEntries(stored.map((s) => [s.reason, s._count]))).toEqual({ BAD_CREDENTIALS: 5, THROTTLED: 25 });
    // The guessing address stays refused, even with the right password…
    expect(await attempt("owner@example.com", PASSWORD, "203.0.113.7")).toBe("throttled");
    // …but the owner, from their own address, is not locked out.
    expect(await attempt("owner@example.com", PASSWORD, "198.51.100.20")).toBe("ok");
  });

  it("writes failures to their own table and at most one audit summary a minute, never one event per attempt", async () => {
    const prisma = await getPrisma();
    expect(await prisma.auditEvent.count({ where: { action: { in: ["auth.login_failed", "auth.login_throttled"] } } })).toBe(0);
    const summaries = await prisma.auditEvent.findMany({ where: { action: "auth.login_failures" } });
    expect(summaries).toHaveLength(1);
    expect(summaries[0].actorId).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "auth.login" } })).toBe(1);
  });

  it("limits one address across accounts (password spraying)", async () => {
    const address = "192.0.2.99";
    const outcomes: string[] = [];
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) outcomes.push(await attempt(`spray${i % 6}@example.com`, `guess-${i}`, address));
    expect(outcomes.every((o) => o === "wrong")).toBe(true);
    expect(await attempt("spray0@example.com", PASSWORD, address)).toBe("throttled");
    expect(await attempt("spray0@example.com", PASSWORD, "192.0.2.100")).toBe("ok");
  });

  it("slows a distributed attack on one account down without refusing a clean address", async () => {
    // One failure from each of 11 addresses: past the account's slow-down threshold.
    for (let i = 0; i <= THROTTLE.accountSlowdownAfter; i++) expect(await attempt("slow@example.com", "guess", `10.0.0.${i + 1}`)).toBe("wrong");
    // A second try from an address that already failed is spaced out (Retry-After)…
    expect(await attempt("slow@example.com", "guess", "10.0.0.1")).toBe("wrong");
    let refused: ThrottledError | null = null;
    await authenticate({ email: "slow@example.com", password: "guess" }, "10.0.0.2").catch((e) => (refused = e));
    expect(refused).toBeInstanceOf(ThrottledError);
    expect(refused!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.maxDelaySeconds);
    // …while the owner on a clean address signs in at once.
    expect(await attempt("slow@example.com", PASSWORD, "10.9.9.9")).toBe("ok");
  });

  it("stores only validated addresses and counts IPv6 clients per /64", async () => {
    const prisma = await getPrisma();
    for (let i = 0; i < THROTTLE.maxFailuresPerPair; i++) await attempt("victim@example.com", "guess", `2001:db8:1:2::${i + 1}`);
    expect(await attempt("victim@example.com", "guess", "2001:db8:1:2:ffff::9")).toBe("throttled");
    expect(await attempt("victim@example.com", PASSWORD, "2001:db8:1:3::1")).toBe("ok");
    const addresses = await prisma.loginFailure.findMany({ where: { email: "victim@example.com" }, select: { address: true } });
    expect(addresses.every((a) => a.address?.startsWith("2001:db8:1:2:"))).toBe(true);
  });
});
