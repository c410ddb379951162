import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { AdjustmentListQuery } from "./schema";
import { adjustmentView } from "./views";
import { requiredApprovals } from "./rules";
import { getSettings } from "@/features/settings/data";
import type { PolicyConfig } from "@/features/policy/schema";
import { aboveHardCap, overrideAuthority, overrideRules } from "@/features/overrides/rules";

function where(q: AdjustmentListQuery): Prisma.AdjustmentWhereInput {
  const delta: Prisma.IntFilter = {};
  if (q.direction === "increase") delta.gt = 0;
  if (q.direction === "decrease") delta.lt = 0;
  const amount: Prisma.AdjustmentWhereInput[] = [];
  // Amount filters act on the size of the change, whatever its direction.
  if (q.minAmount != null) amount.push({ OR: [{ delta: { gte: q.minAmount } }, { delta: { lte: -q.minAmount } }] });
  if (q.maxAmount != null) amount.push({ delta: { gte: -q.maxAmount, lte: q.maxAmount } });
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(Object.keys(delta).length ? { delta } : {}),
    ...(q.policyRunId ? { policyRunId: q.policyRunId } : {}),
    ...(q.proposer ? { proposedByEmail: q.proposer.toLowerCase() } : {}),
    ...(q.borrowerId ? { borrowerId: q.borrowerId } : {}),
    ...(q.tierChange ? { tierMove: q.tierChange === "up" ? 1 : q.tierChange === "down" ? -1 : 0 } : {}),
    AND: amount,
  };
}

export async function listAdjustments(q: AdjustmentListQuery) {
  const prisma = await getPrisma();
  const filter = where(q);
  const [total, rows] = await Promise.all([
    prisma.adjustment.count({ where: filter }),
    prisma.adjustment.findMany({
      where: filter,
      include: { decisions: true },
      orderBy: [{ createdAt: "desc" }, { borrowerId: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  const states = await currentStates(rows.map((r) => r.borrowerId));
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((r) => withBalance(adjustmentView(r, states.get(r.borrowerId)?.limit), states.get(r.borrowerId)?.balance)) };
}

/** Current limits and balances from BorrowerState, one query for a page of adjustments (for `stale` and "how much is left"). */
async function currentStates(borrowerIds: number[]): Promise<Map<number, { limit: number; balance: number }>> {
  const prisma = await getPrisma();
  const states = await prisma.borrowerState.findMany({ where: { borrowerId: { in: [...new Set(borrowerIds)] } }, select: { borrowerId: true, limit: true, balance: true } });
  return new Map(states.map((s) => [s.borrowerId, { limit: s.limit, balance: s.balance }]));
}

/** The borrower's current balance beside an adjustment (issue 11 §2: available credit before → after). */
const withBalance = <T extends object>(view: T, balance: number | undefined) => ({ ...view, balance: balance ?? null });

export async function getAdjustment(id: string) {
  const prisma = await getPrisma();
  const row = await prisma.adjustment.findUnique({ where: { id }, include: { decisions: true } });
  if (!row) return null;
  const state = (await currentStates([row.borrowerId])).get(row.borrowerId);
  return withBalance(adjustmentView(row, state?.limit), state?.balance);
}

/** What a manual proposal of `newLimit` would be (issue 11 §1): the rules it breaks, the ceiling, the authority it needs. */
export async function checkProposal(borrowerId: number, newLimit: number) {
  const prisma = await getPrisma();
  const state = await prisma.borrowerState.findUnique({ where: { borrowerId }, select: { limit: true, tier: true, monthsSinceDelay: true } });
  if (!state) return null;
  const [settings, active] = await Promise.all([getSettings(), prisma.policy.findFirst({ where: { status: "ACTIVE" }, select: { config: true } })]);
  const rules = overrideRules({ oldLimit: state.limit, newLimit, tier: state.tier, monthsSinceDelay: state.monthsSinceDelay }, (active?.config as unknown as PolicyConfig | undefined) ?? null, settings);
  const base = requiredApprovals(state.limit, newLimit, settings.approvalThreshold);
  const authority = rules.length ? overrideAuthority(base, settings) : { requiredApprovals: base, needsAdmin: false };
  return { borrowerId, currentLimit: state.limit, newLimit, rules, override: rules.length > 0, aboveCeiling: aboveHardCap(newLimit, settings), maxLimitPerBorrower: settings.maxLimitPerBorrower, ...authority };
}
