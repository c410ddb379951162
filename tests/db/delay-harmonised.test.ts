import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/scripts/seed-lib";
import { getPrisma } from "@/lib/db/client";
import { harmonisedStatuses } from "@/features/scoring/harmonise";
import { monthsSinceDelay } from "@/features/policy/preview/columns";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

// BorrowerState.monthsSinceDelay (which the policy's "no increase after a delay within N months"
// and the override rules read) is derived in SQL on the harmonised repayment-status coding.
describe(`months since the newest delay on the harmonised coding, ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
    await migrateAndSeed({ limitRows: 3000, log: () => undefined });
  });
  afterAll(async () => closeAppDb(db));

  it("every state row equals monthsSinceDelay(harmonisedStatuses(history)); September's status 1 after a not-late month is no delay", async () => {
    const prisma = await getPrisma();
    const states = await prisma.borrowerState.findMany({ select: { borrowerId: true, month: true, monthsSinceDelay: true }, orderBy: { borrowerId: "asc" } });
    const statements = await prisma.statement.findMany({ select: { borrowerId: true, month: true, bill: true, payment: true, repaymentStatus: true }, orderBy: [{ borrowerId: "asc" }, { month: "asc" }] });
    const byId = new Map<number, Array<{ month: string; bill: number; payment: number; status: number }>>();
    for (const s of statements) byId.set(s.borrowerId, [...(byId.get(s.borrowerId) ?? []), { month: s.month, bill: s.bill, payment: s.payment, status: s.repaymentStatus }]);
    let differFromRaw = 0;
    const mismatches: number[] = [];
    for (const st of states) {
      const hist = byId.get(st.borrowerId)!.filter((h) => h.month <= st.month);
      const harmonised = monthsSinceDelay(harmonisedStatuses(hist));
      if (st.monthsSinceDelay !== harmonised) mismatches.push(st.borrowerId);
      if (monthsSinceDelay(hist.map((h) => h.status)) !== harmonised) differFromRaw++;
    }
    expect(mismatches).toEqual([]);
    expect(states).toHaveLength(3000);
    // The coding matters on these borrowers: a raw reading would differ for some of them.
    expect(differFromRaw).toBeGreaterThan(0);
  });
});
