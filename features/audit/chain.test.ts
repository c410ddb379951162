import { describe, expect, it } from "vitest";
import { canonicalJson, eventHash, GENESIS_HASH, redact, verifyChain, type ChainedFields } from "./chain";

const base: ChainedFields = {
  at: new Date("2026-01-01T00:00:00.000Z"),
  actorId: "u1",
  actorEmail: "a@example.com",
  action: "auth.login",
  entityType: "User",
  entityId: "u1",
  before: null,
  after: { b: 2, a: 1 },
  requestId: "r1",
  ip: "127.0.0.1",
};

function chain(n: number) {
  const out = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = { ...base, entityId: `u${i}` };
    const hash = eventHash(prev, e);
    out.push({ ...e, seq: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("audit hash chain", () => {
  it("canonical JSON ignores key order at every depth", () => {
    expect(canonicalJson({ b: { d: 1, c: [{ z: 1, y: 2 }] }, a: 1 })).toBe('{"a":1,"b":{"c":[{"y":2,"z":1}],"d":1}}');
  });

  it("accepts an intact chain and names the first edited event", async () => {
    const events = chain(5);
    expect(await verifyChain(events)).toEqual({ checked: 5, broken: null });
    events[2] = { ...events[2], after: { a: 999 } };
    expect((await verifyChain(events)).broken).toEqual({ seq: 3, reason: "hash does not match the event's content" });
  });

  it("detects a deleted event", async () => {
    const events = chain(4);
    events.splice(1, 1);
    expect((await verifyChain(events)).broken?.seq).toBe(3);
  });

  it("redacts sensitive fields at any depth", () => {
    expect(redact({ email: "x", passwordHash: "h", nested: { apiToken: "t", ok: 1 } })).toEqual({
      email: "x",
      passwordHash: "[redacted]",
      nested: { apiToken: "[redacted]", ok: 1 },
    });
  });
});
