import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { decideAdjustment, proposeManual } from "@/features/adjustments/mutations";
import { listAuditEvents } from "@/features/audit/data";
import { auditQuerySchema } from "@/features/audit/schema";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

type Actor = { id: string; email: string };

describe(`audit filters (issue 11 §6) on ${backend}`, () => {
  let db: TestDb;
  const u: Record<string, Actor> = {};
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 300, log: () => undefined });
    for (const x of await (await getPrisma()).user.findMany()) u[x.email.split("@")[0]] = { id: x.id, email: x.email };
  });
  afterAll(async () => closeAppDb(db));

  it("finds a borrower's events by its id, leaves log-ins out by default and refuses from > to", async () => {
    const prisma = await getPrisma();
    const b = await prisma.borrowerState.findFirstOrThrow({ where: { tier: "LOW", monthsSinceDelay: { gte: 3 }, limit: { gte: 50_000, lte: 400_000 } }, orderBy: { borrowerId: "asc" } });
    const adj = await proposeManual({ borrowerId: b.borrowerId, newLimit: b.limit + 10_000, reason: "Verified income rise for the audit test" }, { actor: u.analyst });
    await decideAdjustment(adj.id, "APPROVE", undefined, { actor: u.manager });
    await prisma.$transaction((tx) => recordAudit(tx, { actor: u.manager, action: "auth.login", entityType: "User", entityId: u.manager.id, before: null, after: null }));

    const mine = await listAuditEvents(auditQuerySchema.parse({ borrowerId: String(b.borrowerId) }));
    expect(mine.items.map((e) => e.action).sort()).toEqual(["adjustment.approved", "adjustment.proposed", "limit.changed", "notice.created"]);
    const all = await listAuditEvents(auditQuerySchema.parse({}));
    expect(all.items.some((e) => e.action.startsWith("auth."))).toBe(false);
    const withLogins = await listAuditEvents(auditQuerySchema.parse({ logins: "include" }));
    expect(withLogins.items.filter((e) => e.action === "auth.login")).toHaveLength(1);
    expect(withLogins.total).toBe(all.total + 1);

    const bad = auditQuerySchema.safeParse({ from: "2026-12-02", to: "2026-12-01" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["from", "must be on or before the to-date"]]);
    expect(auditQuerySchema.safeParse({ from: "2026-12-01", to: "2026-12-01" }).success).toBe(true);
  });
});
