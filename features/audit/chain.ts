// Tamper evidence for the audit trail: each event's hash covers the previous event's hash and
// the event's own canonical JSON, so editing or deleting any event breaks every later link.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value ?? null;
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  // Only the chained fields: storage columns such as seq or hash never feed their own hash.
  const { at, actorId, actorEmail, action, entityType, entityId, before, after, requestId, ip } = e;
  const body = canonicalJson({ at: at.toISOString(), actorId, actorEmail, action, entityType, entityId, before, after, requestId, ip });
  return createHash("sha256").update(prevHash + body).digest("hex");
}

const SENSITIVE = /password|secret|token|hash$/i;

/** Replaces sensitive values before they are written to the trail (diffs, bodies). */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SENSITIVE.test(k) ? "[redacted]" : redact(v)]),
    );
  }
  return value;
}

export type ChainBreak = { seq: number; reason: string };

type StoredEvent = ChainedFields & { seq: number; prevHash: string; hash: string };

/** Walks events in `seq` order; returns how many were read and the first break (null when whole). */
export async function verifyChain(
  events: Iterable<StoredEvent> | AsyncIterable<StoredEvent>,
): Promise<{ checked: number; broken: ChainBreak | null }> {
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const e of events) {
    checked++;
    if (e.prevHash !== prev) return { checked, broken: { seq: e.seq, reason: "previous hash does not match the event before it" } };
    if (eventHash(prev, e) !== e.hash) return { checked, broken: { seq: e.seq, reason: "hash does not match the event's content" } };
    prev = e.hash;
  }
  return { checked, broken: null };
}
