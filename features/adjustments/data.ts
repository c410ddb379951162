import "server-only";
import type { Adjustment, Prisma } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { AdjustmentFilter, AdjustmentListQuery } from "./schema";
import { adjustmentView } from "./views";
import { requiredApprovals } from "./rules";
import { getSettings } from "@/features/settings/data";
import type { PolicyConfig } from "@/features/policy/schema";
import { aboveHardCap, overrideAuthority, overrideRules } from "@/features/overrides/rules";
import { decodeCursor, encodeCursor, SORT_COLUMN, type InboxSort } from "./inbox-cursor";
import { inboxTotals } from "@/features/inbox-totals/data";

/** The inbox filter as a Prisma condition (also what a bulk decision by filter decides). */
export function adjustmentFilter(q: AdjustmentFilter): Prisma.AdjustmentWhereInput {
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

/** Keyset condition: rows after the cursor in (column, id) order. */
function after(q: AdjustmentListQuery): Prisma.AdjustmentWhereInput | null {
  const c = q.cursor ? decodeCursor(q.cursor) : null;
  if (!c) return null;
  const col = SORT_COLUMN[q.sort];
  const op = q.order === "desc" ? "lt" : "gt";
  const v = col === "createdAt" ? new Date(String(c.v)) : c.v;
  return { OR: [{ [col]: { [op]: v } }, { [col]: v, id: { [op]: c.id } }] } as Prisma.AdjustmentWhereInput;
}

const cursorValue = (r: Adjustment, col: (typeof SORT_COLUMN)[InboxSort]) => (col === "createdAt" ? r.createdAt.toISOString() : r[col]);

/**
 * The inbox: filters, five sorts with keyset pagination (`cursor` → `nextCursor`; `page` still
 * works for shallow pages), the totals of the whole selection (exact, or estimated and marked so
 * past the count cap for amount/borrower filters: features/inbox-totals), and each item's balance,
 * utilisation and available credit before/after.
 */
export async function listAdjustments(q: AdjustmentListQuery) {
  const prisma = await getPrisma();
  const col = SORT_COLUMN[q.sort];
  // score/pd sorts skip rows without a value (none in practice: the trigger fills pd, proposals carry a score).
  const filter: Prisma.AdjustmentWhereInput = { AND: [adjustmentFilter(q), ...(col === "score" || col === "pd" ? [{ [col]: { not: null } }] : [])] };
  const keyset = after(q);
  const page = keyset ? { AND: [filter, keyset] } : filter;
  // The selection's count and Σ totals (features/inbox-totals): the filter's, not the sort's not-null rule.
  const [{ total, totalIsEstimate, totals }, rows] = await Promise.all([
    inboxTotals(q),
    prisma.adjustment.findMany({
      where: page,
      include: { decisions: true },
      orderBy: [{ [col]: q.order }, { id: q.order }],
      skip: keyset ? 0 : (q.page - 1) * q.pageSize,
      take: q.pageSize + 1,
    }),
  ]);
  const more = rows.length > q.pageSize;
  const items = rows.slice(0, q.pageSize);
  const last = items[items.length - 1];
  const states = await currentStates(items.map((r) => r.borrowerId));
  return {
    total, totalIsEstimate, page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order,
    nextCursor: more && last ? encodeCursor({ v: cursorValue(last, col), id: last.id }) : null,
    totals,
    items: items.map((r) => ({ ...withBalance(adjustmentView(r, states.get(r.borrowerId)?.limit), states.get(r.borrowerId)?.balance), credit: creditFigures(r, states.get(r.borrowerId)?.balance) })),
  };
}

/** Balance, utilisation and available credit at the proposed-against limit and at the new one. */
function creditFigures(a: Adjustment, balance: number | undefined) {
  if (balance == null) return null;
  const at = (limit: number) => ({ limit, utilization: limit > 0 ? balance / limit : 0, availableCredit: limit - balance });
  return { balance, before: at(a.oldLimit), after: at(a.newLimit) };
}

/** Current limits and balances from BorrowerState, one query for a page of adjustments. */
async function currentStates(borrowerIds: number[]): Promise<Map<number, { limit: number; balance: number }>> {
  const prisma = await getPrisma();
  const states = await prisma.borrowerState.findMany({ where: { borrowerId: { in: [...new Set(borrowerIds)] } }, select: { borrowerId: true, limit: true, balance: true } });
  return new Map(states.map((s) => [s.borrowerId, s]));
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
