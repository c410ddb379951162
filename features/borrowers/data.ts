import "server-only";
import { getPrisma } from "@/lib/db/client";
import { actorCan } from "@/features/auth/permissions";
import { stateOrderBy, stateWhere } from "./filters";
import type { BorrowerDetail, BorrowerListItem, BorrowerListQuery, ProtectedAttributes, ReasonCode } from "./schema";

// Current values come from BorrowerState; Statement and Score are the monthly history.
const LIST_SELECT = {
  borrowerId: true, month: true, score: true, pd: true, tier: true, previousTier: true,
  tierChangeCause: true, limit: true, balance: true, utilization: true,
} as const;

type ListRow = { borrowerId: number; tierChangeCause: string | null } & Omit<BorrowerListItem, "id" | "availableCredit" | "tierChangeCause">;
const toItem = ({ borrowerId, tierChangeCause, ...rest }: ListRow): BorrowerListItem => ({
  id: borrowerId, ...rest, tierChangeCause: tierChangeCause as BorrowerListItem["tierChangeCause"], availableCredit: rest.limit - rest.balance,
});

/** The newest month of the current state ("2005-09" for the UCI portfolio). */
export async function latestMonth(): Promise<string | null> {
  const prisma = await getPrisma();
  const row = await prisma.borrowerState.findFirst({ orderBy: { month: "desc" }, select: { month: true } });
  return row?.month ?? null;
}

export async function listBorrowers(q: BorrowerListQuery) {
  const prisma = await getPrisma();
  const month = await latestMonth();
  if (!month) return { total: 0, page: q.page, pageSize: q.pageSize, month: null, items: [] as BorrowerListItem[] };
  const where = stateWhere(q);
  const [total, rows] = await Promise.all([
    prisma.borrowerState.count({ where }),
    prisma.borrowerState.findMany({
      where,
      orderBy: stateOrderBy(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: LIST_SELECT,
    }),
  ]);
  return { total, page: q.page, pageSize: q.pageSize, month, items: rows.map(toItem) };
}

/** Every row matching the filters (CSV export), in the requested order. */
export async function allBorrowers(q: BorrowerListQuery): Promise<BorrowerListItem[]> {
  const prisma = await getPrisma();
  const month = await latestMonth();
  if (!month) return [];
  const rows = await prisma.borrowerState.findMany({ where: stateWhere(q), orderBy: stateOrderBy(q), select: LIST_SELECT });
  return rows.map(toItem);
}

/**
 * One borrower's protected attributes, as coded in the data set — only for a caller with
 * `borrower-protected:read`; null for anyone else (and never part of the list or the CSV).
 */
export async function protectedAttributesFor(caller: { role: string; scope?: string | null }, id: number): Promise<ProtectedAttributes | null> {
  if (!actorCan(caller, "borrower-protected:read")) return null;
  const prisma = await getPrisma();
  return prisma.borrower.findUnique({ where: { id }, select: { sex: true, education: true, marriage: true, age: true } });
}

export async function getBorrower(id: number): Promise<BorrowerDetail | null> {
  const prisma = await getPrisma();
  const borrower = await prisma.borrower.findUnique({
    where: { id },
    include: { state: true, statements: { orderBy: { month: "asc" } }, scores: { orderBy: { month: "asc" } } },
  });
  if (!borrower?.state) return null;
  const { state } = borrower;
  const scoreByMonth = new Map(borrower.scores.map((s) => [s.month, s]));
  return {
    id: borrower.id,
    limit: state.limit,
    balance: state.balance,
    availableCredit: state.limit - state.balance,
    tier: state.tier,
    tierChangeCause: state.tierChangeCause as BorrowerDetail["tierChangeCause"],
    outcome: borrower.outcome === 1 ? 1 : 0,
    history: borrower.statements.map((st) => {
      const s = scoreByMonth.get(st.month);
      return {
        month: st.month,
        score: s?.score ?? null,
        pd: s?.pd ?? null,
        tier: s?.tier ?? null,
        limit: st.limit,
        balance: st.balance,
        bill: st.bill,
        payment: st.payment,
        utilization: st.limit > 0 ? st.balance / st.limit : 0,
        repaymentStatus: st.repaymentStatus,
      };
    }),
    reasonCodes: (state.reasonCodes as ReasonCode[] | null) ?? [],
  };
}
