// Issue 9 §11: the client sent Idempotency-Key to endpoints that ignored it. The route layer
// now honours it on every write: same key + same request → the first answer (no second
// execution); same key + another route or body → 422; a failed request frees the key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { json, withIdempotency } from "@/lib/api/route";
import { requestHash, reserveKey } from "@/features/idempotency/mutations";
import { createToken } from "@/features/tokens/mutations";
import { decideAdjustment } from "@/features/adjustments/mutations";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };
const scope = (actorId: string, key: string, body: unknown, route = "POST /api/v1/tokens") => ({ actorId, key, route, bodyHash: requestHash(body) });

describe(`Idempotency-Key on every write (${backend})`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 300, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  });
  afterAll(async () => closeAppDb(db));

  it("replays the first answer without running again, and never stores a token's secret", async () => {
    const prisma = await getPrisma();
    let runs = 0;
    const create = () =>
      withIdempotency(scope(u.admin.id, "k-token", { name: "feed reader" }), "req", ["token"], async () => {
        runs++;
        return json(await createToken("feed reader", "limit-changes:read", { actor: u.admin }), { status: 201 });
      });
    const first = await create();
    const again = await create();
    expect(runs).toBe(1);
    expect(await prisma.apiToken.count({ where: { name: "feed reader" } })).toBe(1);
    expect([first.status, again.status, again.headers.get("idempotent-replayed")]).toEqual([201, 201, "true"]);
    const [a, b] = [await first.json(), await again.json()];
    expect(typeof a.token).toBe("string");
    expect({ ...b, token: "x" }).toEqual({ ...a, token: "x" });
    expect(b.token).toBeNull();
    const stored = await prisma.idempotentResponse.findUniqueOrThrow({ where: { actorId_key: { actorId: u.admin.id, key: "k-token" } } });
    expect(JSON.stringify(stored.body)).not.toContain(a.token);
  });

  it("answers 422 for the same key with another body or another route", async () => {
    const run = async () => json({ ok: true });
    await withIdempotency(scope(u.admin.id, "k-422", { name: "a" }), "req", [], run);
    for (const other of [scope(u.admin.id, "k-422", { name: "b" }), scope(u.admin.id, "k-422", { name: "a" }, "PUT /api/v1/settings")]) {
      const err = await withIdempotency(other, "req", [], run).catch((e) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err.status).toBe(422);
    }
    // Keys belong to one caller: another user's same key is a new request.
    expect((await withIdempotency(scope(u.manager.id, "k-422", { name: "b" }), "req", [], run)).status).toBe(200);
  });

  it("frees the key when the request fails, and says 409 while the first one still runs", async () => {
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new ApiError(409, "conflict");
    };
    await expect(withIdempotency(scope(u.admin.id, "k-fail", {}), "req", [], failing)).rejects.toThrow("conflict");
    await expect(withIdempotency(scope(u.admin.id, "k-fail", {}), "req", [], failing)).rejects.toThrow("conflict");
    expect(runs).toBe(2);
    let release!: () => void;
    const slow = withIdempotency(scope(u.admin.id, "k-slow", {}), "req", [], () => new Promise<Response>((r) => (release = () => r(json({ done: true })))));
    await new Promise((r) => setTimeout(r, 100));
    const err = await withIdempotency(scope(u.admin.id, "k-slow", {}), "req", [], async () => json({ second: true })).catch((e) => e);
    expect(err.status).toBe(409);
    release();
    expect(await (await slow).json()).toEqual({ done: true });
  });

  it("stores a decision's answer in the decision's own transaction (no loss if the server dies after commit)", async () => {
    const prisma = await getPrisma();
    const adj = await prisma.adjustment.create({
      data: { borrowerId: 1, source: "MANUAL", oldLimit: 20_000, newLimit: 30_000, delta: 10_000, reasonCodes: [], proposedById: u.analyst.id, proposedByEmail: u.analyst.email, pendingBorrowerId: 1 },
    });
    const s = scope(u.manager.id, "k-decide", {}, `POST /api/v1/adjustments/${adj.id}/approve`);
    expect(await reserveKey(s)).toBeNull();
    // The route layer reserved the key; the "server" dies after the decision commits, before storeAnswer.
    const answer = await decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.manager, idempotencyKey: "k-decide" });
    const replay = await reserveKey(s);
    expect(replay).toEqual({ status: 200, body: JSON.parse(JSON.stringify(answer)) });
  });
});
