import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Tier } from "@/features/policy/schema";

export const HISTOGRAM_BUCKET = 25;

export type Overview = {
  month: string | null;
  borrowers: number;
  exposure: number;
  balance: number;
  averageScore: number;
  averagePd: number;
  observedDefaultRate: number;
  tierMix: Record<Tier, number>;
  /** Tier moves of the current state, split by cause (issue 11 §5): the score moved or a new policy's cut-offs. */
  tierChanges: { up: number; down: number; upScore?: number; upPolicy?: number; downScore?: number; downPolicy?: number };
  /** Each month's tiers as scored (by the policy of its time); the current tiers are `tierMix`. */
  tiersByMonth: Array<{ month: string } & Record<Tier, number>>;
  histogram: Array<{ from: number; to: number; good: number; bad: number }>;
};

const emptyTiers = (): Record<Tier, number> => ({ LOW: 0, MEDIUM: 0, HIGH: 0 });

type Bucket = { from: number; to: number; good: number; bad: number };
type MonthTiers = { month: string } & Record<Tier, number>;

/** Every month as scored; a summary written before issue 11 lacks the latest month: the current tiers stand in. */
function asScored(history: MonthTiers[], month: string, current: Record<Tier, number>): MonthTiers[] {
  return history.some((m) => m.month === month) ? history : [...history, { month, ...current }];
}

/** One row: the summary maintained with the state (see PortfolioSummary in prisma/schema.prisma). */
export async function getOverview(): Promise<Overview> {
  const prisma = await getPrisma();
  const s = await prisma.portfolioSummary.findUnique({ where: { id: 1 } });
  if (!s || !s.month || s.borrowers === 0) {
    return {
      month: null, borrowers: 0, exposure: 0, balance: 0, averageScore: 0, averagePd: 0, observedDefaultRate: s?.observedDefaultRate ?? 0,
      tierMix: emptyTiers(), tierChanges: { up: 0, down: 0 }, tiersByMonth: [], histogram: [],
    };
  }
  const tiers = { ...emptyTiers(), ...(s.tiers as Partial<Record<Tier, number>>) };
  return {
    month: s.month,
    borrowers: s.borrowers,
    exposure: Number(s.exposure),
    balance: Number(s.balance),
    averageScore: Number(s.scoreSum) / s.borrowers,
    averagePd: s.pdSum / s.borrowers,
    observedDefaultRate: s.observedDefaultRate,
    tierMix: tiers,
    tierChanges: s.tierChanges as { up: number; down: number },
    tiersByMonth: asScored(s.historyTiers as MonthTiers[], s.month, tiers),
    histogram: s.histogram as Bucket[],
  };
}
