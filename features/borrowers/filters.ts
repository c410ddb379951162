// Borrower-list query → Prisma `where`/`orderBy` on BorrowerState (one row per borrower: "now").
// Every filter and sort has a composite index ending in borrowerId, the tie-breaker.
import type { Prisma } from "@/generated/prisma/client";
import type { BorrowerListQuery } from "./schema";

export function stateWhere(q: BorrowerListQuery): Prisma.BorrowerStateWhereInput {
  return {
    ...(q.tier ? { tier: q.tier } : {}),
    ...(q.minScore != null || q.maxScore != null ? { score: { gte: q.minScore, lte: q.maxScore } } : {}),
    ...(q.changed ? { tierChange: q.changed === "up" ? 1 : -1 } : {}),
    ...(q.minUtil != null || q.maxUtil != null ? { utilization: { gte: q.minUtil, lte: q.maxUtil } } : {}),
    ...(q.q ? { borrowerId: Number(q.q) } : {}),
  };
}

export function stateOrderBy(q: BorrowerListQuery): Prisma.BorrowerStateOrderByWithRelationInput[] {
  const field = q.sort === "id" ? "borrowerId" : q.sort;
  // The id tie-breaker keeps pages stable when many rows share a sort value.
  return field === "borrowerId" ? [{ borrowerId: q.order }] : [{ [field]: q.order }, { borrowerId: "asc" }];
}
