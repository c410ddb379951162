// Borrower-list query → Prisma `where`/`orderBy` on the Score table of the latest month.
import type { Prisma } from "@/generated/prisma/client";
import type { BorrowerListQuery } from "./schema";

export function scoreWhere(month: string, q: BorrowerListQuery): Prisma.ScoreWhereInput {
  return {
    month,
    ...(q.tier ? { tier: q.tier } : {}),
    ...(q.minScore != null || q.maxScore != null ? { score: { gte: q.minScore, lte: q.maxScore } } : {}),
    ...(q.changed ? { tierChange: q.changed === "up" ? 1 : -1 } : {}),
    ...(q.minUtil != null || q.maxUtil != null ? { utilization: { gte: q.minUtil, lte: q.maxUtil } } : {}),
    ...(q.q ? { borrowerId: Number(q.q) } : {}),
  };
}

export function scoreOrderBy(q: BorrowerListQuery): Prisma.ScoreOrderByWithRelationInput[] {
  const field = q.sort === "id" ? "borrowerId" : q.sort;
  // The id tie-breaker keeps pages stable when many rows share a sort value.
  return field === "borrowerId" ? [{ borrowerId: q.order }] : [{ [field]: q.order }, { borrowerId: "asc" }];
}
