import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";
import { addressBucket } from "@/lib/client-address";
import { decide, windowStart, type Counter, type Decision } from "./throttle";

type Tx = Prisma.TransactionClient;
type Row = { failures: number; windowStart: Date; nextAllowedAt: Date | null };

export function throttleKeys(email: string, address: string | null) {
  const bucket = addressBucket(address);
  return { pair: `pair:${email} ${bucket}`, address: `addr:${bucket}`, account: `acct:${email}` };
}

/** Adds one attempt to a counter (a new window when the old one is over) and returns it. */
async function bump(tx: Tx, key: string, now: Date): Promise<Counter> {
  const rows = await tx.$queryRaw<Row[]>`
    INSERT INTO "LoginThrottle" ("key", "windowStart", "failures") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowStart(now)} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "nextAllowedAt" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowStart(now)} THEN NULL ELSE "LoginThrottle"."nextAllowedAt" END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowStart(now)} THEN ${now} ELSE "LoginThrottle"."windowStart" END
    RETURNING "failures", "windowStart", "nextAllowedAt"`;
  return rows[0];
}

class Refused extends Error {
  constructor(readonly decision: Decision) {
    super("refused");
  }
}

/**
 * Counts this attempt as a failure *before* the password is checked, so that parallel guesses
 * each see the ones before them (the upserts lock the rows until commit). A refused attempt is
 * rolled back: it is not evaluated and does not count. A successful log-in refunds it (`settle`).
 */
export async function reserveAttempt(email: string, address: string | null, now = new Date()): Promise<Decision> {
  const keys = throttleKeys(email, address);
  const prisma = await getPrisma();
  try {
    return await prisma.$transaction(async (tx) => {
      // Always the same order (pair, address, account): concurrent attempts cannot deadlock.
      const pair = await bump(tx, keys.pair, now);
      const addr = await bump(tx, keys.address, now);
      const account = await bump(tx, keys.account, now);
      const decision = decide({ pair, address: addr, account }, now);
      if (!decision.allowed) throw new Refused(decision);
      if (decision.nextAllowedAt !== account.nextAllowedAt) {
        await tx.loginThrottle.update({ where: { key: keys.account }, data: { nextAllowedAt: decision.nextAllowedAt } });
      }
      return decision;
    });
  } catch (err) {
    if (err instanceof Refused) return err.decision;
    throw err;
  }
}

/** After a successful log-in: this attempt was no failure, and this address is clean again. */
export async function refundAttempt(email: string, address: string | null) {
  const keys = throttleKeys(email, address);
  const prisma = await getPrisma();
  await prisma.$transaction([
    prisma.loginThrottle.deleteMany({ where: { key: keys.pair } }),
    prisma.loginThrottle.updateMany({ where: { key: { in: [keys.address, keys.account] }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } }),
  ]);
}

const AUDIT_KEY = "audit:login-failures";
const AUDIT_EVERY_SECONDS = 60;
const KEEP_FAILURES_DAYS = 90;

/**
 * Stores a failed or throttled attempt and, at most once a minute, writes one audit event that
 * summarises the failures since the previous summary. Anonymous callers can no longer write one
 * hash-chained event (under the chain lock) per request.
 */
export async function recordLoginFailure(email: string, address: string | null, reason: "BAD_CREDENTIALS" | "THROTTLED", now = new Date()) {
  const prisma = await getPrisma();
  await prisma.loginFailure.create({ data: { at: now, email: email.slice(0, 254), address, reason } });
  await prisma.$transaction(async (tx) => {
    await tx.loginThrottle.createMany({ data: [{ key: AUDIT_KEY, windowStart: new Date(0), failures: 0, nextAllowedAt: new Date(0) }], skipDuplicates: true });
    const [gate] = await tx.$queryRaw<Row[]>`SELECT "windowStart", "nextAllowedAt" FROM "LoginThrottle" WHERE "key" = ${AUDIT_KEY} FOR UPDATE SKIP LOCKED`;
    // Locked: another failure is writing the summary right now; this one will be in the next.
    if (!gate || (gate.nextAllowedAt && gate.nextAllowedAt > now)) return;
    const since = gate.windowStart;
    const [summary] = await tx.$queryRaw<Array<{ failures: number; throttled: number; accounts: number; addresses: number }>>`
      SELECT count(*)::int AS failures, count(*) FILTER (WHERE "reason" = 'THROTTLED')::int AS throttled,
             count(DISTINCT "email")::int AS accounts, count(DISTINCT "address")::int AS addresses
      FROM "LoginFailure" WHERE "at" >= ${since} AND "at" <= ${now}`;
    const next = new Date(now.getTime() + AUDIT_EVERY_SECONDS * 1000);
    await tx.loginThrottle.update({ where: { key: AUDIT_KEY }, data: { windowStart: new Date(now.getTime() + 1), nextAllowedAt: next } });
    // Housekeeping, at most once a minute: counters whose window is over would restart at 1 anyway.
    await tx.loginThrottle.deleteMany({ where: { windowStart: { lte: windowStart(now) }, key: { not: AUDIT_KEY } } });
    await tx.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - KEEP_FAILURES_DAYS * 86_400_000) } } });
    await recordAudit(tx, {
      actor: null,
      action: "auth.login_failures",
      entityType: "LoginFailure",
      after: { from: since.getTime() === 0 ? null : since.toISOString(), to: now.toISOString(), ...summary },
    });
  });
}

/** A successful log-in is audited one by one: only someone who knows a password can cause it. */
export async function recordLogin(user: { id: string; email: string }, address: string | null) {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) => recordAudit(tx, { actor: user, action: "auth.login", entityType: "User", entityId: user.id, ip: address }));
}

/** Revokes every session of the user: their tokens carry the old version. */
export async function bumpSessionVersion(tx: Tx, userId: string) {
  await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Sign-out: the old session cookie stops working at once, in every browser of this user. */
export async function signOutEverywhere(userId: string) {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) return;
    await bumpSessionVersion(tx, userId);
    await recordAudit(tx, { actor: user, action: "auth.logout", entityType: "User", entityId: user.id });
  });
}

